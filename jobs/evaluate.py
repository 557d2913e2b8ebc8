"""Scheduled task `evaluate`: a thin entry point (Databricks spark_python_task / python_wheel_task, or local).

All logic lives in lib/tunehouse; this file only forwards its arguments to `tunehouse evaluate`,
e.g. `python jobs/evaluate.py --profile databricks --set storage.root=/Volumes/...`.
"""

import sys

from tunehouse.cli import main

if __name__ == "__main__":
    sys.exit(main(["evaluate", *sys.argv[1:]]))

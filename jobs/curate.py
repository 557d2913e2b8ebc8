"""Scheduled task `curate`: a thin entry point (Databricks spark_python_task / python_wheel_task, or local).

All logic lives in lib/tunehouse; this file only forwards its arguments to `tunehouse curate`,
e.g. `python jobs/curate.py --profile databricks --set storage.root=/Volumes/...`.
"""

import sys

from tunehouse.cli import main

if __name__ == "__main__":
    sys.exit(main(["curate", *sys.argv[1:]]))

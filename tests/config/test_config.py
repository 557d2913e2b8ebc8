"""Configuration: defaults, overrides, profiles, and errors that name the key."""


from pathlib import Path

import pytest
import yaml
from tunehouse.config import ConfigError, Settings, load_settings

CONF_DIR = Path(__file__).resolve().parents[2] / "conf"  # the documented defaults, checked in


def test_defaults_and_storage_root_override(tmp_path):
    s = load_settings(overrides=[f"storage.root={tmp_path}"])
    assert s.storage.root == tmp_path
    assert s.storage.lakehouse == tmp_path / "lakehouse"
    assert s.mlflow_tracking_uri().startswith("sqlite:///") and str(tmp_path) in s.mlflow_tracking_uri()
    assert s.profile == "local"


def test_set_parses_yaml_scalars_and_later_wins(tmp_path):
    conf = tmp_path / "c.yaml"
    conf.write_text("generate:\n  conversations: 50\n  seed: 3\n")
    s = load_settings(conf_files=[conf], overrides=["generate.seed=11", "ingest.allow_empty_content=true"])
    assert s.generate.conversations == 50
    assert s.generate.seed == 11
    assert s.ingest.allow_empty_content is True


def test_unknown_key_names_key_and_allowed_keys():
    with pytest.raises(ConfigError) as e:
        load_settings(overrides=["generate.conversatoins=5"])
    msg = str(e.value)
    assert "generate.conversatoins" in msg and "conversations" in msg


def test_bad_literal_lists_allowed_values():
    with pytest.raises(ConfigError) as e:
        load_settings(overrides=["lakehouse.mode=cloud"])
    assert "lakehouse.mode" in str(e.value) and "local" in str(e.value) and "databricks" in str(e.value)


def test_bad_number_and_range():
    with pytest.raises(ConfigError, match="generate.conversations"):
        load_settings(overrides=["generate.conversations=-1"])
    with pytest.raises(ConfigError, match="generate.csv_fraction"):
        load_settings(overrides=["generate.csv_fraction=lots"])


def test_bad_role_mapping_value():
    with pytest.raises(ConfigError, match="role_mapping"):
        load_settings(overrides=["ingest.role_mapping.supervisor=boss"])


def test_malformed_override_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="section.key=value"):
        load_settings(overrides=["storage.root"])
    with pytest.raises(ConfigError, match="not found"):
        load_settings(conf_files=[tmp_path / "nope.yaml"])
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_settings(conf_files=[bad])


def test_unknown_profile_names_the_available_ones():
    with pytest.raises(ConfigError, match=r"unknown profile 'prod'; available: local, databricks"):
        load_settings(profile="prod")


def test_profiles_ship_inside_the_package(monkeypatch, tmp_path):
    """The wheel has its profiles: loading works from any directory, with no conf/ next to it."""
    from tunehouse.config import available_profiles
    from tunehouse.config.loading import PROFILES_DIR

    monkeypatch.chdir(tmp_path)
    assert PROFILES_DIR.is_relative_to(Path(__file__).resolve().parents[2] / "lib" / "tunehouse")
    assert available_profiles() == ["local", "databricks"]
    assert load_settings(profile="databricks").tracking.tracking_uri == "databricks"


def test_databricks_profile_uses_unity_catalog_names():
    s = load_settings(profile="databricks")
    assert s.lakehouse.mode == "databricks"
    assert s.lakehouse.catalog
    assert s.tracking.tracking_uri == "databricks"


def test_documented_yaml_is_current_and_equals_defaults():
    """conf/tunehouse.yaml documents every knob with the code's default; regenerate it with
    `tunehouse config --documented > conf/tunehouse.yaml` after changing a setting."""
    from tunehouse.config import documented_yaml

    text = (CONF_DIR / "tunehouse.yaml").read_text()
    assert text == documented_yaml()
    data = yaml.safe_load(text)
    assert Settings.model_validate(data) == Settings()


def test_every_field_has_a_description():
    from pydantic import BaseModel

    missing = []

    def walk(model, prefix):
        for name, f in model.model_fields.items():
            ann = f.annotation
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                walk(ann, f"{prefix}{name}.")
            elif not f.description:
                missing.append(prefix + name)

    walk(Settings, "")
    assert missing == []


def test_maps_merge_key_by_key_with_their_defaults(tmp_path):
    """Adding one role keeps the default ones (YAML and --set alike); null removes a key."""
    s = load_settings(overrides=["ingest.role_mapping.Supervisor=assistant", "ingest.role_mapping.bot=null"])
    assert s.ingest.role_mapping["supervisor"] == "assistant" and s.ingest.role_mapping["customer"] == "user"
    assert "bot" not in s.ingest.role_mapping
    conf = tmp_path / "mine.yaml"
    conf.write_text("ingest:\n  role_mapping: {customer: assistant, staff: assistant}\n"
                    "  column_aliases: {content: [msg_body]}\n")
    s = load_settings([conf])
    assert s.ingest.role_mapping["customer"] == "assistant" and s.ingest.role_mapping["agent"] == "assistant"
    assert s.ingest.column_aliases["content"] == ["msg_body"] and "role" in s.ingest.column_aliases

import pytest

from culturelens.config import ConfigError, validate_config


def test_default_config_is_valid(default_config, schema):
    assert validate_config(default_config, schema)["topics"]["unit"] == "paragraph"


def test_defaults_fill_missing_nested_keys(schema):
    resolved = validate_config({"topics": {"k": 5}}, schema)
    assert resolved["topics"] == {
        "methods": ["nmf", "lda"],
        "k": 5,
        "k_min": 2,
        "k_max": 8,
        "unit": "paragraph",
        "restarts": 5,
        "top_n": 10,
    }
    assert resolved["corpus"] == "seeds"


@pytest.mark.parametrize(
    ("override", "match"),
    [
        ({"topcis": {}}, r"unknown config key 'topcis' \(did you mean 'topics'\?\)"),
        (
            {"topics": {"unti": "document"}},
            r"unknown config key 'topics.unti' \(did you mean 'unit'\?\)",
        ),
        ({"zzz": 1}, r"unknown config key 'zzz' \(known keys: corpus"),
        ({"topics": {"k": "five"}}, r"config key 'topics.k' = 'five' is invalid"),
        ({"topics": {"unit": "chapter"}}, r"config key 'topics.unit' = 'chapter' is invalid"),
        ({"shards": "2"}, r"config key 'shards' = '2' is invalid: '2' is not of type 'integer'"),
        ({"seed": -1}, r"config key 'seed' = -1 is invalid"),
        (
            {"topics": {"k_min": 9, "k_max": 3}},
            r"'topics.k_min' \(9\) is larger than 'topics.k_max' \(3\)",
        ),
    ],
)
def test_bad_keys_give_one_line_naming_the_key(default_config, schema, override, match):
    with pytest.raises(ConfigError, match=match) as info:
        validate_config({**default_config, **override}, schema)
    assert "\n" not in str(info.value)
    assert "config/config.yaml" in str(info.value)

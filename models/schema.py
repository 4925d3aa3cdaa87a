"""The JSON Schema of a record, generated from the pydantic models (never written by hand)."""

import json
from pathlib import Path
from typing import Any

from models.record import SCHEMA_VERSION, ArticleRecord


def record_json_schema() -> dict[str, Any]:
    """JSON Schema of `ArticleRecord`, tagged with the contract's schema version."""
    schema = ArticleRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://pressfacts.local/schema/record-v{SCHEMA_VERSION}.json"
    schema["schema_version"] = SCHEMA_VERSION
    return schema


def write_schema(path: Path) -> Path:
    """Write the schema atomically (temp file then rename) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(record_json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path

"""JSON export: policies.json and news.json follow their published schemas."""

from __future__ import annotations

import json

import jsonschema

from builder.build import compile_archive
from builder.render.export import export_files
from tests.support import FIXTURES


def _load(files, name):
    return json.loads(files[f"data/{name}"].decode("utf-8"))


def test_seed_exports_validate_against_their_schemas(project):
    files = export_files(compile_archive(project()).archive)
    for data_name, schema_name in (("policies.json", "policies.schema.json"), ("news.json", "news.schema.json")):
        schema = _load(files, schema_name)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(_load(files, data_name), schema, cls=jsonschema.Draft202012Validator)


def test_policy_records_carry_the_metadata(project):
    files = export_files(compile_archive(project()).archive)
    policies = {p["doc_number"]: p for p in _load(files, "policies.json")["policies"]}
    assert set(policies) == {"财金〔2023〕89号", "京政办发〔2023〕23号", "粤办函〔2023〕302号", "国办发〔2023〕37号"}
    gd = policies["粤办函〔2023〕302号"]
    assert (gd["issuer"], gd["signature"], gd["date"]) == ("广东省人民政府办公厅", "省政府办公厅", "2023-11-14")
    assert gd["validity"]["valid_until"] == "2027-12-31"
    assert [c["id"] for c in gd["document"]["clauses"]] == [f"s{k}" for k in range(1, 11)]
    assert {"name": "省残联", "clauses": ["s10"]} in gd["departments"]
    bj = policies["京政办发〔2023〕23号"]
    ids = []
    stack = list(bj["document"]["clauses"])
    while stack:
        clause = stack.pop(0)
        ids.append(clause["id"])
        stack[:0] = clause["children"]
    assert "s3-2-12" in ids and ids.count("s3-2-12") == 1
    assert policies["国办发〔2023〕37号"]["doc_number_raw"] == "国办发〔202337"


def test_other_shapes_validate_too(project):
    files = export_files(compile_archive(project(FIXTURES / "policy-shapes.txt")).archive)
    schema = _load(files, "policies.schema.json")
    data = _load(files, "policies.json")
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert [p["kind"] for p in data["policies"]] == ["办法", "意见", "决定"]

"""Counts from the real data files, with Python's csv module.

Reads ../shared/datasets (relative to the repository; pass another folder as the
first argument): german_credit.csv and compas_two_years.csv.

Serves, in this order:
- Tests/DatasetsTests/RealDataReaderTests.swift:
  - germanCreditCSV: row and column count, counts of class, sex, age_group,
    foreign_worker, purpose "radio/tv", distinct credit_amount values;
  - compasQuotedFieldsAndMissing: row and column count, empty c_charge_desc and
    days_b_screening_arrest, charge descriptions with a comma, the first one
    (0-based data-row index, text, id), African-American count;
- Tests/DatasetsTests/RealDataPrepareTests.swift, compas: the empty-value
  counts and Counter(race);
- Tests/DatasetsTests/RowFilterTests.swift, compasPropublicaFilter: rows with
  propublica_filter == '1', and of those the African-American or Caucasian ones.

Versions: Python 3.11.7 (standard library only).
Run: python3 Tests/References/real_data_counts.py [path/to/datasets]
All counts are compared exactly.
"""
import collections
import csv
import pathlib
import sys

folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else (
    pathlib.Path(__file__).resolve().parents[2] / "../shared/datasets")


def read(name):
    with open(folder / name, newline="") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


print("# germanCreditCSV")
columns, rows = read("german_credit.csv")
print("rows", len(rows), "columns", len(columns))
for name in ["class", "sex", "age_group", "foreign_worker"]:
    print(name, dict(collections.Counter(row[name] for row in rows)))
print("purpose radio/tv", sum(row["purpose"] == "radio/tv" for row in rows),
      "distinct credit_amount", len({row["credit_amount"] for row in rows}))

print("# compasQuotedFieldsAndMissing, RealDataPrepareTests.compas")
columns, rows = read("compas_two_years.csv")
print("rows", len(rows), "columns", len(columns))
print("empty c_charge_desc", sum(row["c_charge_desc"] == "" for row in rows),
      "empty days_b_screening_arrest", sum(row["days_b_screening_arrest"] == "" for row in rows))
with_comma = [index for index, row in enumerate(rows) if "," in row["c_charge_desc"]]
first = with_comma[0]
print("charges with a comma", len(with_comma), "first: index", first, repr(rows[first]["c_charge_desc"]),
      "id", rows[first]["id"])
print("race", dict(collections.Counter(row["race"] for row in rows).most_common()))

print("# RowFilterTests.compasPropublicaFilter")
passing = [row for row in rows if row["propublica_filter"] == "1"]
print("propublica_filter == 1:", len(passing), "of", len(rows), "; and African-American or Caucasian:",
      sum(row["race"] in ("African-American", "Caucasian") for row in passing))

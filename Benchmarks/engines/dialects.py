#!/usr/bin/env python3
"""Runs DietAudit's counting query in DuckDB and Spark SQL on German credit and checks that the audits of their
counts tables equal the in-memory audit (composition rows, findings, verdict). Used for docs/SCALE.md.

Versions used: Python 3.11, duckdb 2.0.1, pyspark 4.x with OpenJDK 17 (Spark is skipped, and says so, when pyspark
cannot start). Usage: python3 Benchmarks/engines/dialects.py [path/to/dietaudit]
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIETAUDIT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/dietaudit")
ATTRIBUTES = "[sex, age_group, foreign_worker]"
PRUNING = """pruning:
  fractions: [0.1, 0.25, 0.5, 0.7]
  policies: [keep_hard, keep_easy, random, class_balanced, group_balanced, {policy: keep_hard, offset: 0.1}]
"""


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write(text)
    return path


def audit(folder, spec):
    """Runs `dietaudit run`; returns the JSON report."""
    report = os.path.join(folder, spec + ".json")
    result = subprocess.run([DIETAUDIT, "run", os.path.join(folder, spec), "--db", os.path.join(folder, spec + ".db"),
                             "--json", report, "--out", folder], capture_output=True, text=True)
    if result.returncode > 1:
        raise SystemExit(f"dietaudit run {spec} failed ({result.returncode}): {result.stderr}")
    with open(report) as handle:
        return json.load(handle)


def comparable(report):
    return {key: report[key] for key in ("composition", "attributes", "findings", "recommendations")} | {
        "verdict": report["gate"]["verdict"]}


def counts_spec(folder, name, counts):
    return write(folder, name, f"audit: german-{name[:-5]}\nseed: 7\n"
                 f"dataset: {{counts: {counts}, table: german, label: class, id: id, attributes: {ATTRIBUTES}}}\n"
                 "scores:\n  - {kind: imported, column: duration}\n"
                 "  - {kind: imported, column: credit_amount, higher_is: easier}\n" + PRUNING)


def main():
    folder = tempfile.mkdtemp(prefix="dietaudit-dialects-")
    with open(os.path.join(ROOT, "datasets/german_credit.csv")) as handle:
        rows = list(csv.DictReader(handle))
    columns = ["id", "class", "sex", "age_group", "foreign_worker", "duration", "credit_amount"]
    with open(os.path.join(folder, "german.csv"), "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for index, row in enumerate(rows):
            writer.writerow([index + 1] + [row[column] for column in columns[1:]])
    write(folder, "memory.yaml", "audit: german-memory\nseed: 7\n"
          f"dataset: {{path: german.csv, label: class, id: id, attributes: {ATTRIBUTES}}}\n"
          "scores:\n  - {kind: imported, path: german.csv, column: duration, id_column: id}\n"
          "  - {kind: imported, path: german.csv, column: credit_amount, id_column: id, higher_is: easier}\n"
          + PRUNING)
    memory = comparable(audit(folder, "memory.yaml"))
    print(f"in memory: {len(memory['composition'])} composition rows, verdict {memory['verdict']}")
    counts_spec(folder, "template.yaml", "counts.csv")

    def query(dialect):
        return subprocess.run([DIETAUDIT, "sql", os.path.join(folder, "template.yaml"), "--dialect", dialect],
                              capture_output=True, text=True, check=True).stdout

    tables = {}
    import duckdb
    connection = duckdb.connect()
    # all_varchar: DuckDB would otherwise read yes/no as booleans (true/false), other groups than the file's
    connection.execute(
        f"CREATE TABLE german AS SELECT * FROM read_csv('{folder}/german.csv', header = true, all_varchar = true)")
    result = connection.execute(query("duckdb").rstrip().rstrip(";"))
    tables["duckdb"] = ([d[0] for d in result.description], result.fetchall())
    try:
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[2]").appName("dietaudit").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark.read.csv(f"{folder}/german.csv", header=True, inferSchema=True).createOrReplaceTempView("german")
        frame = spark.sql(query("spark").rstrip().rstrip(";"))
        tables["spark"] = (frame.columns, [tuple(row) for row in frame.collect()])
        print(f"Spark {spark.version}: counting query ran")
        spark.stop()
    except Exception as error:  # pyspark missing, or Java cannot start it
        print(f"Spark SQL skipped: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    for dialect, (header, values) in tables.items():
        name = f"counts-{dialect}.csv"
        with open(os.path.join(folder, name), "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(["" if value is None else value for value in row] for row in values)
        report = comparable(audit(folder, os.path.basename(counts_spec(folder, f"{dialect}.yaml", name))))
        same = report == memory
        print(f"{dialect}: {len(values)} counts rows, {os.path.getsize(os.path.join(folder, name))} bytes; "
              f"composition, findings, recommendations and verdict equal to in memory: {same}")
        if not same:
            raise SystemExit(f"{dialect} differs from the in-memory audit; files in {folder}")
    if len(tables) == 2:
        print("DuckDB and Spark counts tables equal:",
              sorted(map(str, tables["duckdb"][1])) == sorted(map(str, tables["spark"][1])))


if __name__ == "__main__":
    main()

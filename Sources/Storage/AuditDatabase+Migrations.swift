import GRDB

extension AuditDatabase {
    /// The schema's history. Migrations are only ever appended: an existing
    /// database is brought up to date, never rebuilt.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, scores, plans, composition, findings") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("audit", .text).notNull()
                t.column("status", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("tool_version", .text).notNull()
                t.column("data_sha256", .text).notNull()
                t.column("test_sha256", .text)
                t.column("spec_sha256", .text).notNull()
                t.column("ruleset_sha256", .text).notNull()
                t.column("spec_path", .text).notNull()
                t.column("spec_text", .text).notNull()
                t.column("ruleset_name", .text).notNull()
                t.column("ruleset_path", .text).notNull()
                t.column("ruleset_text", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("fail_on", .text).notNull()
                t.column("gate_passed", .boolean)
                t.column("error_message", .text)
                t.column("dataset", .jsonText).notNull()
                t.column("settings", .jsonText).notNull()
                t.column("timings", .jsonText).notNull()
            }
            try db.create(table: "example") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("example_id", .text).notNull()
                t.column("label", .text).notNull()
                t.primaryKey(["run_id", "position"])
            }
            try db.create(table: "score") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("epoch", .integer)
                t.column("seeds", .integer).notNull()
                t.column("mean", .blob).notNull()
                t.column("per_seed", .blob).notNull()
                t.primaryKey(["run_id", "name"])
            }
            try db.create(table: "validity") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text).notNull()
                t.column("seed_stability", .double)
                t.column("input_norm_spearman", .double)
                t.column("class_dependence", .double)
            }
            try db.create(table: "plan") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double).notNull()
                t.column("removed_count", .integer).notNull()
                t.column("removed", .blob).notNull()
            }
            try db.create(table: "composition") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double).notNull()
                t.column("attribute", .text).notNull()
                t.column("group", .text).notNull()
                t.column("attribute_kind", .text).notNull()
                for name in ["n", "removed", "kept"] { t.column(name, .integer).notNull() }
                for name in ["removal_rate", "expected_removed", "excess_removal"] { t.column(name, .double).notNull() }
                for name in ["retention_ratio", "removal_ratio"] { t.column(name, .double) }
                t.column("share_before", .double).notNull()
                for name in ["share_after", "representation_ratio"] { t.column(name, .double) }
                for name in ["ci_low", "ci_high", "p_value", "q_value"] { t.column(name, .double).notNull() }
            }
            try db.create(table: "attribute_metric") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double).notNull()
                t.column("attribute", .text).notNull()
                t.column("attribute_kind", .text).notNull()
                t.column("tvd", .double).notNull()
                t.column("chi2", .double)
                t.column("chi2_p_value", .double)
            }
            try db.create(table: "finding") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("rule_id", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double).notNull()
                t.column("attribute", .text).notNull()
                t.column("group", .text)
                t.column("metric", .text).notNull()
                t.column("value", .double).notNull()
                t.column("threshold", .double).notNull()
                t.column("comparison", .text).notNull()
                t.column("message", .text).notNull()
            }
        }
        migrator.registerMigration("v2: error risk") { db in
            try db.create(table: "error_risk") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double)
                t.column("attribute", .text).notNull()
                t.column("attribute_kind", .text).notNull()
                t.column("group", .text)
                t.column("n", .integer)
                t.column("metric", .text).notNull()
                t.column("mean", .double).notNull()
                for name in ["std", "ci_low", "ci_high"] { t.column(name, .double) }
            }
        }
        migrator.registerMigration("v3: score direction") { db in
            // Which end of each score is hard ("harder" / "easier"). Rows of
            // earlier runs keep NULL and read back with their kind's built-in
            // direction (see ScoreRow.direction).
            try db.alter(table: "score") { t in
                t.add(column: "higher_is", .text)
            }
        }
        migrator.registerMigration("v4: run liveness") { db in
            try db.alter(table: "run") { t in
                t.add(column: "host", .text)
                t.add(column: "pid", .integer)
                t.add(column: "process_start_ticks", .integer)
            }
        }
        migrator.registerMigration("v5: random band") { db in
            // Per (fraction, attribute, group): the 2.5–97.5% band of removal
            // rate over K random plans and their K removal counts (a blob).
            try db.create(table: "random_band") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("fraction", .double).notNull()
                t.column("attribute", .text).notNull()
                t.column("attribute_kind", .text).notNull()
                t.column("group", .text).notNull()
                t.column("n", .integer).notNull()
                t.column("draws", .integer).notNull()
                t.column("removal_rate_low", .double)
                t.column("removal_rate_high", .double)
                t.column("draw_removed", .blob).notNull()
            }
        }
        migrator.registerMigration("v6: finding outcome, nullable scope and value") { db in
            // Findings of the `full` baseline have no fraction, and an
            // insufficient-evidence finding may have no value or threshold:
            // SQLite cannot relax NOT NULL in place, so the table is rebuilt
            // (its rows copied as breaches) with the new `outcome` column.
            try db.create(table: "finding_v6") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("rule_id", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("score", .text)
                t.column("policy", .text).notNull()
                t.column("fraction", .double)
                t.column("attribute", .text).notNull()
                t.column("group", .text)
                t.column("metric", .text).notNull()
                t.column("value", .double)
                t.column("threshold", .double)
                t.column("comparison", .text).notNull()
                t.column("message", .text).notNull()
                t.column("outcome", .text).notNull().defaults(to: "breach")
            }
            try db.execute(
                sql: """
                    INSERT INTO finding_v6 (run_id, rule_id, severity, score, policy, fraction, attribute, "group",
                                            metric, value, threshold, comparison, message)
                    SELECT run_id, rule_id, severity, score, policy, fraction, attribute, "group",
                           metric, value, threshold, comparison, message FROM finding ORDER BY rowid
                    """)
            try db.drop(table: "finding")
            try db.rename(table: "finding_v6", to: "finding")
            try db.create(index: "finding_on_run_id", on: "finding", columns: ["run_id"])
        }
        migrator.registerMigration("v7: undefined rates") { db in
            // A group's true (false) positive rate without a positive
            // (negative) test example is stored as Fairlearn's 0 and flagged
            // here, so rules can tell it from a measured 0. Earlier rows
            // read back as defined.
            try db.alter(table: "error_risk") { t in
                t.add(column: "undefined", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v8: impact ratio") { db in
            // Each group's retention against the best-retained group of its
            // attribute (EEOC four-fifths reading). Rows of earlier runs keep
            // NULL: their impact ratio was never computed.
            try db.alter(table: "composition") { t in
                t.add(column: "impact_ratio", .double)
            }
        }
        migrator.registerMigration("v9: recommendations") { db in
            // One row per plan with a fail-severity breach: the remedy policy
            // recommended at the same score and fraction (`Recommendation`).
            try db.create(table: "recommendation") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("score", .text).notNull()
                t.column("policy", .text).notNull()
                t.column("fraction", .double).notNull()
                t.column("remedy", .text)
                t.column("passes", .boolean).notNull()
                t.column("accuracy_cost", .double)
                t.column("tvd", .double)
                t.column("message", .text).notNull()
            }
        }
        migrator.registerMigration("v10: per-example blobs") { db in
            // Per-example data as one blob per column (docs/STORAGE.md): a run of ten
            // million examples writes a few hundred megabytes in seconds. Runs stored
            // before keep their `example` rows, read as before.
            try db.create(table: "example_data") { t in
                t.primaryKey("run_id", .integer).references("run", onDelete: .cascade)
                t.column("count", .integer).notNull()
                t.column("id_type", .text).notNull()
                t.column("ids", .blob).notNull()
                t.column("id_offsets", .blob)
                t.column("label_type", .text).notNull()
                t.column("labels", .blob).notNull()
                t.column("class_names", .text).notNull()
            }
            try db.create(table: "example_grouping") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("groups", .text).notNull()
                t.column("code_type", .text).notNull()
                t.column("codes", .blob).notNull()
                t.primaryKey(["run_id", "position"])
            }
            // A plan's removals as a bit set (one bit per example); `removed` is then empty.
            try db.alter(table: "plan") { t in t.add(column: "removed_bits", .blob) }
        }
        migrator.registerMigration("v11: reuse of scoring runs and retrained models") { db in
            // What a run trained, keyed by what determines it (see
            // `ReuseEntries`): a later run with the same data, model and
            // training reads these instead of training again.
            try db.create(table: "scoring_reuse") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.column("seed_value", .integer).notNull()
                t.column("payload", .blob).notNull()
            }
            try db.create(index: "scoring_reuse_on_key", on: "scoring_reuse", columns: ["key", "seed_value"])
            try db.create(table: "retrained_reuse") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.column("kept_set", .text).notNull()
                t.column("seed_value", .integer).notNull()
                t.column("payload", .blob).notNull()
            }
            try db.create(
                index: "retrained_reuse_on_key", on: "retrained_reuse", columns: ["key", "kept_set", "seed_value"])
        }
        migrator.registerMigration("v12: engine provenance") { db in
            // Where an audit's counts were computed when a SQL engine ranked
            // and counted the examples (docs/SCALE.md): engine, its version,
            // the table, the counting queries' SHA-256 and the bytes returned.
            // Never a connection string or a credential. NULL: in memory.
            try db.alter(table: "run") { t in
                t.add(column: "engine", .text)
                t.add(column: "engine_version", .text)
                t.add(column: "engine_table", .text)
                t.add(column: "engine_query_sha256", .text)
                t.add(column: "engine_bytes", .integer)
            }
        }
        return migrator
    }
}

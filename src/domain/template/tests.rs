//! What a template file must hold, and what each built-in template carries from its seed.
use super::*;

#[test]
fn default_template_is_the_45_minute_workshop() {
    let t = Template::default_template();
    let minutes: Vec<u32> = t.steps.iter().map(|s| s.minutes).collect();
    assert_eq!(minutes, vec![5, 5, 15, 10, 5, 5]);
    assert_eq!(t.total_minutes, 45);
    let challenges: usize = t.steps.iter().map(|s| s.challenges.len()).sum();
    assert_eq!(challenges, 4, "all four common challenges of the method");
    let tips: usize = t.steps.iter().map(|s| s.tips.len()).sum();
    assert!(tips >= 5, "every tip of the method");
}

#[test]
fn every_built_in_template_parses() {
    let all = Template::all_built_in();
    assert_eq!(all.len(), BUILT_IN.len());
    for t in all {
        assert_eq!(Template::built_in(&t.name).unwrap().name, t.name);
    }
}

#[test]
fn missing_field_names_file_line_and_field() {
    let json = "{\n  \"name\": \"x\",\n  \"title\": \"X\"\n}";
    let err = Template::parse("broken.json", json).unwrap_err();
    assert_eq!(err.problems[0].line, 4);
    let text = err.to_string();
    assert!(text.contains("broken.json"), "{text}");
    assert!(text.contains("line 4"), "{text}");
    assert!(text.contains("missing field `description`"), "{text}");
}

#[test]
fn syntax_error_reports_its_position() {
    let err = Template::parse("t.json", "{\n  \"name\": \"x\",,\n}").unwrap_err();
    let p = &err.problems[0];
    assert_eq!((p.line, p.column), (2, 15));
}

#[test]
fn every_rule_broken_is_reported_at_once() {
    let mut t = Template::default_template();
    t.total_minutes = 50;
    t.tables[0].columns[0].key = t.tables[0].columns[1].key.clone();
    let json = serde_json::to_string(&t).unwrap();
    let err = Template::parse("t.json", &json).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("template t.json: 2 problems"), "{text}");
    assert!(
        text.contains("\n  ") && text.contains("add up to 45"),
        "{text}"
    );
    assert!(
        text.contains("table \"plan\": column key \"owner\" is used twice"),
        "{text}"
    );
}

#[test]
fn an_editors_schema_line_is_accepted_and_never_saved() {
    let json = built_in_text(DEFAULT_TEMPLATE).unwrap().replacen(
        '{',
        "{\"$schema\": \"template.schema.json\",",
        1,
    );
    let t = Template::parse("t.json", &json).unwrap();
    assert_eq!(t.schema.as_deref(), Some("template.schema.json"));
    let saved = serde_json::to_string(&t).unwrap();
    assert!(!saved.contains("schema"), "{saved}");
}

#[test]
fn the_built_in_templates_break_no_rule() {
    for t in Template::all_built_in() {
        assert_eq!(check::problems(&t), Vec::<String>::new(), "{}", t.name);
    }
}

#[test]
fn a_step_of_no_minutes_is_named() {
    let mut t = Template::default_template();
    t.steps[1].minutes = 0;
    t.total_minutes -= 5;
    assert_eq!(
        check::problems(&t),
        ["step 2 (Hand out the action-plan template) has 0 minutes"]
    );
}

#[test]
fn a_first_format_plan_is_read_as_one_table() {
    let mut value = serde_json::to_value(Template::default_template()).unwrap();
    let table = value["tables"][0].take();
    value.as_object_mut().unwrap().remove("tables");
    value["plan"] = serde_json::json!({
        "horizon_days": table["horizon_days"],
        "columns": table["columns"],
    });
    let legacy = Template::parse("old.json", &value.to_string()).unwrap();
    assert_eq!(legacy, Template::default_template());
    let bad = r#"{"name": "x", "title": "X", "description": "", "total_minutes": 5,
        "plan": {"columns": [{"key": "a", "title": "A", "kind": "txt"}]},
        "steps": []}"#;
    let err = Template::parse("old.json", bad).unwrap_err();
    assert_eq!(err.problems[0].line, 2, "{err}");
    assert!(err.to_string().contains("unknown variant `txt`"), "{err}");
}

/// The default template changed by `edit`, and why it is refused (every reason, a
/// line each).
fn refused(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = serde_json::to_value(Template::default_template()).unwrap();
    edit(&mut value);
    let err = Template::parse("t.json", &value.to_string()).expect_err("refused");
    let reasons: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    reasons.join("\n")
}

fn table(key: &str, parent: Option<&str>) -> serde_json::Value {
    serde_json::json!({ "key": key, "title": key, "parent": parent,
        "columns": [{ "key": "what", "title": "What", "kind": "text" }] })
}

fn add(v: &mut serde_json::Value, table: serde_json::Value) {
    v["tables"].as_array_mut().unwrap().push(table);
}

#[test]
fn tables_must_hold_together() {
    let e = refused(|v| add(v, table("plan", None)));
    assert_eq!(e, "table key \"plan\" is used twice");
    let e = refused(|v| add(v, table("../terms", None)));
    assert!(e.contains("letters, digits"), "{e}");
    let e = refused(|v| add(v, table("milestones", Some("nowhere"))));
    assert!(
        e.contains("parent \"nowhere\" is not a table listed before it"),
        "{e}"
    );
    let e = refused(|v| {
        add(v, table("milestones", Some("plan")));
        add(v, table("tasks", Some("milestones")));
    });
    assert!(e.contains("one level of nesting only"), "{e}");
    let e = refused(|v| {
        add(v, table("milestones", Some("plan")));
        v["tables"][1]["per"] = "session".into();
    });
    assert!(
        e.contains("per session but its parent \"plan\" is per initiative"),
        "{e}"
    );
    let e = refused(|v| v["steps"][3]["activity"]["table"]["table"] = "budget".into());
    assert!(
        e.starts_with("step 4 (Assign owners and set timelines): no table \"budget\""),
        "{e}"
    );
    let e = refused(|v| {
        v["steps"][3]["activity"]["table"]["focus_columns"] = serde_json::json!(["who"])
    });
    assert!(e.contains("focus column \"who\""), "{e}");
}

#[test]
fn statuses_must_not_start_a_row_as_failed() {
    let e = refused(|v| {
        v["tables"][0]["columns"][8]["kind"]["status"] =
            serde_json::json!(["Not met", "Met", "Partially met"]);
    });
    assert!(
        e.contains("would start as \"Not met\", which reads as a failure"),
        "{e}"
    );
    let e = refused(|v| v["tables"][0]["columns"][8]["default"] = "Blocked".into());
    assert!(e.contains("reads as a failure"), "{e}");
    let e = refused(|v| v["tables"][0]["columns"][8]["default"] = "Maybe".into());
    assert!(
        e.contains("default \"Maybe\" of column \"status\" is not one of its values"),
        "{e}"
    );
    let e = refused(|v| v["tables"][0]["columns"][0]["default"] = "x".into());
    assert!(e.contains("only status columns take"), "{e}");
}

#[test]
fn promotions_and_fields_name_what_exists() {
    let e = refused(|v| {
        v["steps"][2]["activity"]["board"]["promote"] =
            serde_json::json!({ "table": "plan", "set": { "status": "Finished" } });
    });
    assert!(
        e.contains("\"Finished\" is not a value of column \"status\""),
        "{e}"
    );
    let e = refused(|v| {
        v["steps"][2]["activity"]["board"]["promote"] =
            serde_json::json!({ "table": "plan", "set": { "colour": "red" } });
    });
    assert!(e.contains("table \"plan\" has no column \"colour\""), "{e}");
    let e = refused(|v| {
        v["steps"][4]["activity"]["board"]["promote"] =
            serde_json::json!({ "table": "plan", "pane_column": "status" });
    });
    assert!(
        e.contains("pane \"Financial\" is not a value of column \"status\""),
        "{e}"
    );
    let e = refused(|v| {
        v["steps"][0]["activity"]["briefing"]["fields"] = serde_json::json!(["vision"])
    });
    assert!(e.contains("no field \"vision\""), "{e}");
    let e = refused(|v| {
        v["steps"][0]["activity"] = serde_json::json!({ "groups": { "count": 40 } });
    });
    assert!(e.contains("40 groups"), "{e}");
}

#[test]
fn nouns_count_in_english() {
    let mut t = Template::default_template().plan().clone();
    assert_eq!(
        (t.count(1), t.count(2)),
        ("1 action".into(), "2 actions".into())
    );
    for (noun, plural) in [("entry", "entries"), ("day", "days"), ("box", "boxes")] {
        t.noun = noun.into();
        assert_eq!(t.nouns(), plural);
    }
    t.plural = Some("criteria".into());
    assert_eq!(t.count(3), "3 criteria");
}

fn columns(t: &Template, table: &str) -> Vec<String> {
    t.table(table)
        .unwrap_or_else(|| panic!("{} has a table {table}", t.name))
        .columns
        .iter()
        .map(|c| c.title.clone())
        .collect()
}

#[test]
fn planning_for_success_has_the_guide_s_tables_fields_and_review() {
    let t = Template::built_in("planning-for-success").unwrap();
    assert_eq!(
        columns(&t, "benchmarks"),
        ["Benchmark", "Type", "Person responsible", "Date", "Status"]
    );
    assert_eq!(columns(&t, "resources").len(), 5);
    assert!(columns(&t, "resources")[3].contains("New resources"));
    assert_eq!(columns(&t, "terms"), ["Term", "Definition"]);
    assert!(t.field("objective").is_some());
    assert!((120..=180).contains(&t.total_minutes), "2-3 hours");
    assert!(t.steps.iter().any(|s| s.title.contains("Review protocol")));
    assert!(
        t.steps
            .iter()
            .any(|s| matches!(s.activity, Activity::Groups(_)))
    );
}

#[test]
fn ogp_has_five_commitments_with_milestones_a_roadmap_and_a_vision() {
    let t = Template::built_in("ogp-roadmap").unwrap();
    let commitments = t.table("commitments").unwrap();
    assert_eq!(
        (commitments.max_rows, commitments.per),
        (Some(5), Per::Session)
    );
    assert_eq!(
        t.table("milestones").unwrap().parent.as_deref(),
        Some("commitments")
    );
    assert!(columns(&t, "roadmap").contains(&"Who takes part".to_string()));
    for field in ["vision", "team", "forum", "monitoring_body"] {
        assert!(t.field(field).is_some(), "{field}");
    }
}

#[test]
fn un_desa_forms_six_groups_and_compares_their_plans() {
    let t = Template::built_in("un-desa-action-planning").unwrap();
    let groups = t.steps.iter().find_map(|s| match &s.activity {
        Activity::Groups(g) => Some(g),
        _ => None,
    });
    assert_eq!(groups.map(|g| g.count), Some(6));
    assert!(
        t.steps
            .iter()
            .any(|s| matches!(&s.activity, Activity::Summary(s) if s.plenary))
    );
    let titles = columns(&t, "plan");
    for wanted in [
        "leads",
        "Supported by",
        "Owner",
        "milestones",
        "available",
        "needed",
    ] {
        assert!(
            titles.iter().any(|c| c.contains(wanted)),
            "{wanted}: {titles:?}"
        );
    }
}

#[test]
fn step_titles_carry_no_number_of_their_own() {
    for t in Template::all_built_in() {
        for step in &t.steps {
            let first = step.title.split_whitespace().next().unwrap_or("");
            assert!(
                !first
                    .trim_end_matches(['.', ')', ':'])
                    .chars()
                    .all(|c| c.is_ascii_digit()),
                "{}: {:?}",
                t.name,
                step.title
            );
        }
    }
}

#[test]
fn status_columns_need_distinct_values() {
    let with_statuses = |values: &[&str]| {
        let mut t = Template::default_template();
        let status = t.tables[0].columns.iter_mut().find(|c| c.key == "status");
        status.unwrap().kind = ColumnKind::Status(values.iter().map(|v| v.to_string()).collect());
        check::problems(&t)
    };
    assert_eq!(
        with_statuses(&[]),
        ["table \"plan\": status column \"status\" has no values"]
    );
    assert_eq!(
        with_statuses(&["Done", "done"]),
        ["table \"plan\": status column \"status\" lists \"done\" twice"]
    );
}

#[test]
fn boards_sharing_an_id_must_agree_and_panes_be_distinct() {
    let mut t = Template::default_template();
    let resources = t.steps[4].board().unwrap().clone();
    let Activity::Summary(summary) = &mut t.steps[5].activity else {
        panic!("the last step is a summary")
    };
    summary.board = Some(BoardSpec {
        board: resources.board.clone(),
        panes: PaneSource::Fixed(vec!["Money".into(), "Money".into()]),
        promote: None,
        dots: None,
    });
    let found = check::problems(&t);
    assert!(
        found
            .iter()
            .any(|p| p.contains("pane \"Money\" is listed twice")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with("step 5 (")
            && p.contains("and step 6 (")
            && p.contains("share board \"resources\"")),
        "{found:?}"
    );
}

#[test]
fn only_ogp_plans_without_initiatives() {
    for t in Template::all_built_in().into_iter().filter(|t| !t.review) {
        assert_eq!(t.uses_initiatives(), t.name != "ogp-roadmap", "{}", t.name);
    }
}

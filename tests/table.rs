//! The action-plan table as the facilitator uses it: keys in, plan and screen out.

mod common;

use chrono::NaiveDate;
use common::{status, type_text as keys};
use convene::app::table::{Scope, TableAction};
use convene::app::{Action, App};
use convene::domain::plan::{Plan, PlanRow, SortKey};
use convene::domain::template::Template;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

/// `template` with these initiatives, at its table step.
fn app_with(template: Template, initiatives: &[&str]) -> App {
    let first = template.plan().key.clone();
    app_at(template, initiatives, &first)
}

/// The workshop at the first step that shows table `table`.
fn app_at(template: Template, initiatives: &[&str], table: &str) -> App {
    let initiatives: Vec<(&str, &str)> = initiatives.iter().map(|n| (*n, "")).collect();
    let (mut app, _) = common::app_on(common::session(template, "Permits workshop", &initiatives));
    let step = app
        .session
        .steps()
        .iter()
        .position(|s| match &s.activity {
            convene::domain::template::Activity::Table(spec) => {
                app.session.workshop.step_table(spec).key == table
            }
            _ => false,
        })
        .expect("the template has a step for the table");
    app.update(Action::GoToStep(step));
    app
}

/// The default workshop at its table step, with two initiatives.
fn app() -> App {
    app_with(
        Template::default_template(),
        &["Online permits", "Open budget data"],
    )
}

fn key(app: &mut App, code: KeyCode) {
    common::press(app, code);
}

/// Types into the open editor and presses Enter.
fn enter(app: &mut App, text: &str) {
    assert!(app.editor.is_some(), "an editor is open to type {text:?}");
    keys(app, text);
    key(app, KeyCode::Enter);
}

/// Writes a row with `o`: action, owner, supported by, date, then stops.
fn add_row(app: &mut App, action: &str, owner: &str, due: &str) {
    key(app, KeyCode::Char('o'));
    enter(app, action);
    enter(app, owner);
    enter(app, "");
    enter(app, due);
    key(app, KeyCode::Esc);
    key(app, KeyCode::Home);
}

fn column<'a>(app: &'a App, key: &str) -> Vec<&'a str> {
    app.session
        .plan()
        .rows
        .iter()
        .map(|r| r.cell(key))
        .collect()
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    common::screen(app, width, height)
}

/// A workshop in full swing: rows with every kind of hint, and a finished one.
fn busy_app() -> App {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana Lopez",
        "Dec 15",
    );
    add_row(&mut app, "Improve communication", "", "someday");
    add_row(
        &mut app,
        "Train the front-desk staff on the new form",
        "Ben",
        "+3w",
    );
    // A long text and a status.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('w'));
    add_row(
        &mut app,
        "Open the 2027 budget data as CSV",
        "Chen",
        "2026-11-02",
    );
    key(&mut app, KeyCode::Char('W'));
    key(&mut app, KeyCode::Char('g'));
    app
}

#[test]
fn a_row_is_written_in_one_go_and_the_date_is_read() {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana",
        "next friday",
    );
    assert_eq!(column(&app, "action"), ["Publish the permit form online"]);
    assert_eq!(column(&app, "owner"), ["Ana"]);
    assert_eq!(column(&app, "due"), ["2026-11-27"], "stored as an ISO date");
    assert!(app.editor.is_none(), "Esc stops filling the row");
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("Fri 27 Nov"),
        "shown with its weekday:\n{screen}"
    );
}

#[test]
fn every_date_form_the_brief_names_is_read() {
    let cases = [
        ("2026-12-15", "2026-12-15"),
        ("15/12/2026", "2026-12-15"),
        ("Dec 15", "2026-12-15"),
        ("next friday", "2026-11-27"),
        ("in 2 weeks", "2026-12-05"),
        ("+3w", "2026-12-12"),
        ("+10d", "2026-12-01"),
    ];
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    for (typed, want) in cases {
        let got = convene::domain::dates::parse_date(typed, today).map(convene::domain::dates::iso);
        assert_eq!(got.as_deref(), Ok(want), "{typed}");
    }
}

#[test]
fn a_date_that_is_not_one_is_kept_and_flagged_with_its_reason() {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana",
        "when pigs fly",
    );
    assert_eq!(column(&app, "due"), ["when pigs fly"], "never discarded");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('!'));
    assert!(
        status(&app).contains("not a date: I cannot read it"),
        "{}",
        status(&app)
    );
    app.session.settings.show_panel = false;
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("▲ when pigs fly"), "{screen}");
}

#[test]
fn enter_edits_in_place_and_esc_cancels() {
    let mut app = app();
    add_row(&mut app, "Publish the form", "Ana", "Dec 15");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    keys(&mut app, " online");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        column(&app, "action"),
        ["Publish the form"],
        "Esc keeps the cell"
    );
    key(&mut app, KeyCode::Enter);
    enter(&mut app, " online");
    assert_eq!(column(&app, "action"), ["Publish the form online"]);
    assert!(app.editor.is_none(), "a plain edit does not move on");
}

#[test]
fn long_text_takes_several_lines() {
    let mut app = app();
    add_row(&mut app, "Publish the permit form online", "Ana", "Dec 15");
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Tab); // owner
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab); // resources
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "Two developers");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    keys(&mut app, "A budget line");
    key(&mut app, KeyCode::Enter);
    assert_eq!(column(&app, "resources"), ["Two developers\nA budget line"]);
}

#[test]
fn rows_are_added_above_and_below_duplicated_moved_and_deleted_with_undo() {
    let mut app = app();
    add_row(&mut app, "Second step of the plan", "Ana", "Dec 15");
    key(&mut app, KeyCode::Char('O'));
    enter(&mut app, "First step of the plan");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('o'));
    enter(&mut app, "Third step of the plan");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        column(&app, "action"),
        [
            "First step of the plan",
            "Second step of the plan",
            "Third step of the plan"
        ]
    );
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.session.plan().rows.len(), 4);
    assert_eq!(app.table.row, 3, "the copy is focused, below the original");
    key(&mut app, KeyCode::Char('K'));
    key(&mut app, KeyCode::Char('K'));
    assert_eq!(app.table.row, 1, "the focus moves with the row");
    assert_eq!(column(&app, "action")[1], "Third step of the plan");
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.session.plan().rows.len(), 3);
    assert!(status(&app).contains("u to undo"), "{}", status(&app));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.session.plan().rows.len(), 4, "the deleted row is back");
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(
        column(&app, "action"),
        [
            "First step of the plan",
            "Second step of the plan",
            "Third step of the plan"
        ],
        "move, move and duplicate undone"
    );
}

#[test]
fn an_empty_new_row_leaves_nothing_behind() {
    let mut app = app();
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Enter);
    assert!(app.session.plan().rows.is_empty());
    key(&mut app, KeyCode::Char('o'));
    keys(&mut app, "half-typed");
    key(&mut app, KeyCode::Esc);
    assert!(app.session.plan().rows.is_empty(), "Esc cancels");
    assert_eq!(app.history.depth(), 0, "nothing to undo either");
}

#[test]
fn status_cycles_with_s_and_reads_without_colour() {
    let mut app = app();
    add_row(&mut app, "Publish the permit form online", "Ana", "Dec 15");
    app.session.settings.show_panel = false;
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("○ Not started"),
        "the default shows:\n{screen}"
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(column(&app, "status"), ["In progress"]);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(column(&app, "status"), ["Blocked"]);
    app.colour = false;
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("✗ Blocked"),
        "a label and a symbol:\n{screen}"
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(column(&app, "status"), ["Not started"], "round again");
}

#[test]
fn a_status_label_shows_whole_wherever_its_column_shows() {
    let mut app = app();
    add_row(&mut app, "Draft the permit form", "Ana Lopez", "Dec 15");
    key(&mut app, KeyCode::Char('s'));
    assert!(
        app.session.settings.show_panel,
        "the panel takes a third of the width"
    );
    let mut seen = Vec::new();
    for width in [80, 100, 120, 140, 160, 200] {
        // Across the columns, to the status column and past it.
        for _ in 0..12 {
            let screen = render(&mut app, width, 48);
            if screen.contains("◐ In") {
                assert!(
                    screen.contains("◐ In progress"),
                    "{width} columns: the label is cut:\n{screen}"
                );
                seen.push(width);
            }
            key(&mut app, KeyCode::Right);
        }
        key(&mut app, KeyCode::Home);
    }
    assert!(
        seen.contains(&160),
        "the status column shows at 160: {seen:?}"
    );
}

#[test]
fn a_template_with_its_own_statuses() {
    let mut app = app_with(
        Template::built_in("planning-for-success").unwrap(),
        &["Reading strategies"],
    );
    key(&mut app, KeyCode::Char('o'));
    enter(&mut app, "Identify common district-wide reading strategies");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(column(&app, "status"), ["Met"], "not yet assessed → Met");
    assert_eq!(column(&app, "type"), [""], "the Type column is left alone");
    // Typing a status: a unique beginning is enough.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Enter);
    enter(&mut app, "part");
    assert_eq!(column(&app, "status"), ["Partially met"]);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        column(&app, "status"),
        ["Partially met"],
        "Enter alone keeps it"
    );
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "not m");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        column(&app, "status"),
        ["Not met"],
        "Tab takes the value offered"
    );
    key(&mut app, KeyCode::Enter);
    enter(&mut app, "maybe");
    assert!(
        app.editor.is_some(),
        "not a status: the text comes back to fix"
    );
    assert!(
        status(&app).contains("Not yet assessed, Met, Partially met, Not met"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        column(&app, "status"),
        ["Not met"],
        "Esc keeps what was there"
    );
}

#[test]
fn one_table_per_initiative_and_one_for_all() {
    let mut app = busy_app();
    assert_eq!(
        app.table.scope,
        Scope::Initiative(app.session.initiatives[0].id)
    );
    assert_eq!(app.table.view(&app.session).len(), 3);
    let screen = render(&mut app, 160, 48);
    assert!(!screen.contains("Open the 2027 budget"), "{screen}");
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.table.view(&app.session).len(), 1);
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.table.scope, Scope::All);
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("Initiative"),
        "an Initiative column:\n{screen}"
    );
    assert!(screen.contains("Open budget data") && screen.contains("Open the 2027 budget"));
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(
        app.table.scope,
        Scope::Initiative(app.session.initiatives[0].id),
        "round again"
    );
}

#[test]
fn the_plan_check_marks_rows_sums_up_and_jumps() {
    let mut app = busy_app();
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("▲"), "rows carry a marker:\n{screen}");
    assert!(
        screen.contains("1 no owner") || screen.contains("1 action needs an owner"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('!'));
    assert_eq!(app.table.row, 0, "the first row has no KPI");
    assert!(status(&app).contains("Row 1 · KPI"), "{}", status(&app));
    key(&mut app, KeyCode::Char('!'));
    assert_eq!(app.table.row, 1, "the vague row");
    assert!(
        status(&app).contains("Row 2 · Action step"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Char('!'));
    assert!(status(&app).contains("no owner"), "{}", status(&app));
    assert_eq!(
        app.session.workshop.plan().columns[app.table.column].key,
        "owner"
    );
    // Hints never block: the row can still be edited and left as it is.
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.session.plan().rows[1].cell("status"), "In progress");
}

#[test]
fn sort_and_filter_leave_the_stored_order_alone() {
    let mut app = busy_app();
    let stored: Vec<u64> = app.session.plan().rows.iter().map(|r| r.id).collect();
    key(&mut app, KeyCode::Char('S'));
    assert_eq!(app.table.sort, Some(SortKey::Owner));
    let view = app.table.view(&app.session);
    let owners: Vec<&str> = view
        .iter()
        .map(|&i| app.session.plan().rows[i].cell("owner"))
        .collect();
    assert_eq!(owners, ["Ana Lopez", "Ben", ""], "no owner last");
    key(&mut app, KeyCode::Char('S'));
    let view = app.table.view(&app.session);
    let dates: Vec<&str> = view
        .iter()
        .map(|&i| app.session.plan().rows[i].cell("due"))
        .collect();
    assert_eq!(dates, ["2026-12-12", "2026-12-15", "someday"]);
    key(&mut app, KeyCode::Char('J'));
    assert!(status(&app).contains("S back to the stored order"));
    key(&mut app, KeyCode::Char('/'));
    enter(&mut app, "ben");
    assert_eq!(app.table.view(&app.session).len(), 1);
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("owner named \"ben\" (1 of 3)"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.table.view(&app.session).len(),
        3,
        "Esc drops the filter"
    );
    let now: Vec<u64> = app.session.plan().rows.iter().map(|r| r.id).collect();
    assert_eq!(now, stored);
}

#[test]
fn names_are_offered_when_typing_a_person_again() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "an");
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("Tab → Ana Lopez"), "{screen}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.session.plan().rows[1].cell("owner"), "Ana Lopez");
}

#[test]
fn the_focused_column_stays_visible_on_a_narrow_screen() {
    let mut app = busy_app();
    app.session.settings.show_panel = false;
    let screen = render(&mut app, 80, 24);
    assert!(
        !screen.contains("Status"),
        "nine columns do not fit 80:\n{screen}"
    );
    key(&mut app, KeyCode::End);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Status"), "{screen}");
    assert!(
        screen.contains("Publish the"),
        "the action column stays:\n{screen}"
    );
    assert!(
        screen.contains("◀"),
        "a mark says columns are hidden:\n{screen}"
    );
}

#[test]
fn the_detail_view_shows_every_field_in_full() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('v'));
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Train the front-desk staff on the new form"),
        "{screen}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("Sat 12 Dec 2026"), "{screen}");
    assert!(screen.contains("KPI / evidence of success"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(!app.table.detail, "Esc closes it");
    assert_eq!(app.table.row, 2, "on the row it showed");
}

#[test]
fn help_lists_the_table_keys() {
    let mut app = app();
    key(&mut app, KeyCode::Char('?'));
    let screen = render(&mut app, 160, 48);
    let bound_but_once_missing = [
        "Home/End",
        "Enter, e, F2",
        "o, a, Insert / O",
        "Delete, Backspace",
        "K/J, Shift-Up/Shift-Down",
    ];
    for needle in ["Action plan", "w/W", "next status", "!", "filter"]
        .into_iter()
        .chain(bound_but_once_missing)
    {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
}

#[test]
fn hostile_text_is_drawn_clean() {
    let mut app = app();
    key(&mut app, KeyCode::Char('o'));
    app.update(Action::Paste(
        "Evil \u{1b}[2J\u{1b}]0;pwned\u{7}action 会議 🎉 step".into(),
    ));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    // A hand-edited file can hold anything.
    app.session.plan_mut().rows[0]
        .cells
        .insert("owner".into(), "Ana\u{1b}[31m\u{9b}2J".into());
    let screen = render(&mut app, 80, 24);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{9b}'));
    assert!(screen.contains("Evil action"), "{screen}");
}

#[test]
fn snapshot_80x24() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("table_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_160x48() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!("table_160x48_all", render(&mut app, 160, 48));
}

#[test]
fn snapshot_160x48_editing_a_date() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Down);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Enter);
    for _ in 0..7 {
        key(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "in 2 weeks");
    insta::assert_snapshot!("table_160x48_date_editor", render(&mut app, 160, 48));
}

/// What the facilitator may do, in any order.
#[derive(Debug, Clone)]
enum Step {
    Table(TableAction),
    Type(String),
    Key(KeyCode, KeyModifiers),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    let actions = prop::sample::select(vec![
        TableAction::Up,
        TableAction::Down,
        TableAction::Left,
        TableAction::Right,
        TableAction::NextCell,
        TableAction::PrevCell,
        TableAction::FirstColumn,
        TableAction::LastColumn,
        TableAction::FirstRow,
        TableAction::LastRow,
        TableAction::Edit,
        TableAction::AddBelow,
        TableAction::AddAbove,
        TableAction::Duplicate,
        TableAction::Delete,
        TableAction::ClearCell,
        TableAction::MoveUp,
        TableAction::MoveDown,
        TableAction::CycleStatus,
        TableAction::NextTable,
        TableAction::PrevTable,
        TableAction::ToggleDetail,
        TableAction::NextProblem,
        TableAction::CycleSort,
        TableAction::Filter,
        TableAction::Back,
    ]);
    let words = prop::sample::select(vec![
        "Ana",
        "Ben",
        "next friday",
        "+3w",
        "Dec 15",
        "someday",
        "Done",
        "b",
        "",
        "x y z",
        "会議 🎉",
        "\u{1b}[2J",
    ]);
    prop_oneof![
        6 => actions.prop_map(Step::Table),
        3 => prop_oneof![words.prop_map(String::from), "[a-zA-Z0-9 /+.,]{0,10}"].prop_map(Step::Type),
        2 => prop::sample::select(vec![
            (KeyCode::Enter, KeyModifiers::NONE),
            (KeyCode::Enter, KeyModifiers::ALT),
            (KeyCode::Esc, KeyModifiers::NONE),
            (KeyCode::Tab, KeyModifiers::NONE),
            (KeyCode::Backspace, KeyModifiers::NONE),
            (KeyCode::Up, KeyModifiers::SHIFT),
        ]).prop_map(|(c, m)| Step::Key(c, m)),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

fn seeded() -> App {
    let mut app = app();
    add_row(&mut app, "Publish the permit form online", "Ana", "Dec 15");
    add_row(&mut app, "Improve things", "", "");
    key(&mut app, KeyCode::Char('w'));
    add_row(&mut app, "Open the budget data", "Chen", "+3w");
    key(&mut app, KeyCode::Char('W'));
    app.history = convene::app::history::History::default();
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_edits_never_panic_and_undo_gives_the_plan_back(
        steps in prop::collection::vec(step(), 1..60),
        width in 44u16..170,
        height in 12u16..50,
    ) {
        let mut app = seeded();
        let original: Plan = app.session.plan().clone();
        let base_depth = 0;
        for step in steps {
            match step {
                Step::Table(a) if app.editor.is_none() => app.update(Action::Table(a)),
                Step::Table(_) => {}
                Step::Type(text) if app.editor.is_some() => app.update(Action::Paste(text)),
                Step::Type(_) => {}
                Step::Key(code, modifiers) => {
                    app.handle_key(KeyEvent::new(code, modifiers));
                }
                Step::Undo if app.editor.is_none() => app.update(Action::Undo),
                Step::Redo if app.editor.is_none() => app.update(Action::Redo),
                Step::Undo | Step::Redo => {}
            }
            let rows = app.table.view(&app.session).len();
            prop_assert!(app.table.row < rows.max(1), "the focus stays on a row");
            render(&mut app, width, height);
        }
        if app.editor.is_some() {
            key(&mut app, KeyCode::Esc);
        }
        while app.history.depth() > base_depth {
            app.update(Action::Undo);
        }
        prop_assert_eq!(app.session.plan(), &original);
    }
}

#[test]
fn rows_promoted_from_the_board_show_in_their_initiative() {
    let mut app = app();
    let initiative = app.session.initiatives[1].id;
    let id = app.session.new_id();
    let mut row = PlanRow::new(id, initiative, &[("action", "Publish budget data monthly")]);
    row.from_note = Some(99);
    app.session.plan_mut().rows.push(row);
    key(&mut app, KeyCode::Char('w'));
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("Publish budget data monthly"), "{screen}");
}

#[test]
fn deleting_the_showing_initiative_falls_back_to_the_first_table() {
    let mut app = busy_app();
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(
        app.table.view(&app.session).len(),
        1,
        "Open budget data's table"
    );
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.session.initiatives.len(), 1);
    assert_eq!(
        app.table.initiative(&app.session),
        Some(app.session.initiatives[0].id)
    );
    assert_eq!(app.table.view(&app.session).len(), 3);
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.table.scope, Scope::All);
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("Open the 2027 budget"),
        "its row is still in the All table, nothing lost:\n{screen}"
    );
}

#[test]
fn a_template_can_put_some_columns_first() {
    // UN DESA's first table step: action, lead, support, owner, date, milestones, then
    // the rest.
    let mut app = app_with(
        Template::built_in("un-desa-action-planning").unwrap(),
        &["Digital ID"],
    );
    key(&mut app, KeyCode::Char('o'));
    enter(&mut app, "Publish the enrolment guide online");
    enter(&mut app, "Ana");
    enter(&mut app, "Registry staff");
    enter(&mut app, "Ben");
    enter(&mut app, "Dec 15");
    enter(&mut app, "Draft by Dec 1");
    key(&mut app, KeyCode::Esc);
    let row = &app.session.plan().rows[0];
    assert_eq!(row.cell("owner"), "Ben");
    assert_eq!(row.cell("milestones"), "Draft by Dec 1");
    assert_eq!(row.cell("barriers"), "", "barriers come later");
    app.session.settings.show_panel = false;
    let screen = render(&mut app, 160, 48);
    let header = screen
        .lines()
        .find(|l| l.contains("Action step") && l.contains("Key mil"))
        .unwrap_or_else(|| panic!("{screen}"))
        .to_string();
    let at = |title: &str| header.find(title).unwrap_or(usize::MAX);
    assert!(at("Key mil") < at("Resources"), "{header}");
    key(&mut app, KeyCode::End);
    assert_eq!(
        app.session.workshop.plan().columns[app.table.column].key,
        "status"
    );
}

/// QA: "someday" + Enter + "dec 15" gave "somedaydec 15". A date cell's editor holds
/// what is there selected, so typing replaces it; an arrow key still edits it.
#[test]
fn typing_in_a_date_cell_replaces_what_was_there() {
    let mut app = app();
    add_row(&mut app, "Publish the permit form online", "Ana", "someday");
    key(&mut app, KeyCode::Char('!')); // the date that is not one
    assert_eq!(
        app.session.workshop.plan().columns[app.table.column].key,
        "due"
    );
    key(&mut app, KeyCode::Enter);
    enter(&mut app, "dec 15");
    assert_eq!(column(&app, "due"), ["2026-12-15"]);
    // Enter alone keeps it; an arrow key first edits it in place.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(column(&app, "due"), ["2026-12-15"]);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Backspace);
    enter(&mut app, "6");
    assert_eq!(column(&app, "due"), ["2026-12-16"]);
}

/// QA: the table shows "Tue 15 Dec 2026" or "15 Dec 26"; typed back, they were refused
/// ("the year 26 is out of range"), and so were "end of month", "Dec. 15"...
#[test]
fn dates_as_shown_and_as_said_are_read() {
    let cases: &[(&str, &str)] = &[
        ("Tue 15 Dec 2026", "2026-12-15"),
        ("Tue 15 Dec", "2026-12-15"),
        ("15 Dec 26", "2026-12-15"),
        ("friday 27 november", "2026-11-27"),
        ("Dec. 15", "2026-12-15"),
        ("end of month", "2026-11-30"),
        ("end of the year", "2026-12-31"),
        ("end of next month", "2026-12-31"),
        ("end of Q1", "2027-03-31"),
        ("mid-january", "2027-01-15"),
        ("the 15th", "2026-12-15"),
        ("in five weeks", "2026-12-26"),
        ("in a fortnight", "2026-12-05"),
    ];
    for (typed, want) in cases {
        let mut app = app();
        add_row(&mut app, "Publish the permit form online", "Ana", typed);
        assert_eq!(column(&app, "due"), [*want], "{typed:?}");
    }
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana",
        "Fri 15 Dec 2026",
    );
    assert_eq!(column(&app, "due"), ["Fri 15 Dec 2026"], "kept as typed");
    key(&mut app, KeyCode::Char('!'));
    assert!(
        status(&app).contains("15 December 2026 is a Tuesday, not a Friday"),
        "{}",
        status(&app)
    );
}

/// QA: undoing a delete left the focus elsewhere, the row back somewhere out of sight.
#[test]
fn an_undone_delete_brings_the_focus_back_to_the_row() {
    let mut app = app();
    for action in ["First step of the plan", "Second step", "Third step"] {
        add_row(&mut app, action, "Ana", "Dec 15");
    }
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.table.row, 1);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.table.row, 0, "the row that came back has the focus");
    let focused = app.table.focused(&app.session).unwrap();
    assert_eq!(focused.cell("action"), "First step of the plan");
    key(&mut app, KeyCode::Char('U'));
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.table.row, 0, "and again after a redo and an undo");
}

/// QA: the filter "ana" showed Dana's actions too; "sat" (Satya) filtered by a date.
#[test]
fn a_name_filter_matches_names_not_parts_of_words() {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana Lopez",
        "Dec 15",
    );
    add_row(&mut app, "Train the front-desk staff", "Dana Wu", "Dec 16");
    add_row(
        &mut app,
        "Print the new leaflets",
        "Satya Rao, Ana Lopez",
        "Dec 17",
    );
    key(&mut app, KeyCode::Char('/'));
    enter(&mut app, "ana");
    let view = app.table.view(&app.session);
    let owners: Vec<&str> = view
        .iter()
        .map(|&i| app.session.plan().rows[i].cell("owner"))
        .collect();
    assert_eq!(owners, ["Ana Lopez", "Satya Rao, Ana Lopez"]);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    enter(&mut app, "sat");
    assert!(
        status(&app).contains("owner named \"sat\""),
        "{}",
        status(&app)
    );
    assert_eq!(app.table.view(&app.session).len(), 1);
}

/// QA: "Ana Lopez, Ben Okafor" passed the check though the step asks for one owner,
/// and "The whole team." was taken for a person.
#[test]
fn the_check_asks_for_one_owner() {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana Lopez, Ben Okafor",
        "Dec 15",
    );
    add_row(
        &mut app,
        "Train the front-desk staff",
        "The whole team.",
        "Dec 16",
    );
    add_row(&mut app, "Print the new leaflets", "Ana and Ben", "Dec 17");
    let problems = convene::domain::check::check(&app.session, app.today());
    let owner_hints: Vec<(u64, &str)> = problems
        .iter()
        .filter(|p| p.column == "owner")
        .map(|p| (p.row, p.message.as_str()))
        .collect();
    assert_eq!(owner_hints.len(), 3, "{owner_hints:?}");
    assert!(owner_hints[0].1.starts_with("2 owners"), "{owner_hints:?}");
    assert!(
        owner_hints[1].1.contains("is not an owner"),
        "{owner_hints:?}"
    );
    app.session.settings.show_panel = false;
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains("2 actions have more than one owner"),
        "{screen}"
    );
}

/// QA: with a filter on, `!` said the hints were "in others (w to switch)" when they
/// were in this table's rows the filter hides.
#[test]
fn the_next_hint_says_when_the_filter_hides_it() {
    let mut app = app();
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana Lopez",
        "Dec 15",
    );
    add_row(&mut app, "Train the front-desk staff", "", "Dec 16");
    // Every row complete but the one without an owner.
    for row in app.session.plan_mut().rows.iter_mut() {
        row.set("kpi", "Done when it is done".into());
    }
    key(&mut app, KeyCode::Char('/'));
    enter(&mut app, "ana");
    key(&mut app, KeyCode::Char('!'));
    assert!(
        status(&app).contains("1 hint in rows the filter hides (Esc shows all)"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('w')); // the other initiative's table: empty
    key(&mut app, KeyCode::Char('!'));
    assert!(
        status(&app).contains("1 hint in others (w to switch)"),
        "{}",
        status(&app)
    );
}

/// QA: at 80x24 "Ben Okafor" showed as "Ben Okaf…" while the empty "Supported by"
/// column beside it kept 14 columns; an empty column now gives its room to the text.
#[test]
fn names_and_actions_get_the_room_of_empty_columns() {
    let mut app = app();
    app.session.settings.show_panel = false;
    add_row(
        &mut app,
        "Publish the permit form online",
        "Ana Lopez",
        "Dec 15",
    );
    add_row(
        &mut app,
        "Ask the EPA for historic data",
        "Ben Okafor",
        "Dec 16",
    );
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Ben Okafor "), "{screen}");
    assert!(
        screen.contains("Publish the permit form online"),
        "{screen}"
    );
    assert!(
        screen.contains("Support…"),
        "the empty column still shows:\n{screen}"
    );
}

#[test]
fn a_paste_with_nothing_open_goes_into_the_focused_cell() {
    let mut a = app();
    add_row(
        &mut a,
        "Publish the permit form online",
        "Ana",
        "2026-12-15",
    );
    key(&mut a, KeyCode::Home);
    key(&mut a, KeyCode::Right);
    a.update(Action::Paste("Ben Okafor".into()));
    assert!(a.editor.is_some(), "the paste waits in the cell's editor");
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        column(&a, "owner")[0],
        "Ben Okafor",
        "the paste replaces the cell"
    );
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(column(&a, "owner")[0], "Ana");
}

#[test]
fn the_update_step_keeps_the_focused_row_in_view_before_anything_is_drawn() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let initiative = app.session.initiatives[0].id;
    for i in 0..40 {
        let id = app.session.new_id();
        let text = format!("Action number {i}");
        app.session
            .plan_mut()
            .rows
            .push(PlanRow::new(id, initiative, &[("action", &text)]));
    }
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.table.window.top, 0);
    key(&mut app, KeyCode::Char('G'));
    let top = app.table.window.top;
    assert!(top > 0, "the window moved to the last row with the key");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Action number 39"), "{screen}");
    assert!(
        screen.contains(&format!("rows {}–40 of 40", top + 1)),
        "{screen}"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(
        app.table.window.top, top,
        "a move inside the view scrolls nothing"
    );
}

#[test]
fn a_row_moves_to_another_initiative_and_back_with_undo() {
    let mut app = app();
    key(&mut app, KeyCode::Char('o'));
    enter(&mut app, "Publish the permit form online");
    key(&mut app, KeyCode::Esc);
    let (permits, budget) = (app.session.initiatives[0].id, app.session.initiatives[1].id);
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(app.session.plan().rows[0].initiative, Some(budget));
    assert!(
        common::status(&app).contains("Now in “Open budget data”"),
        "{}",
        common::status(&app)
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.session.plan().rows[0].initiative, Some(permits));
}

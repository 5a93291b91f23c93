//! Drawing the action-plan table: a 500-row plan at 200x60 must stay well under a
//! frame's budget (target: < 2 ms), since every key press redraws it.

use chrono::{TimeZone, Utc};
use convene::app::{Action, App};
use convene::domain::plan::PlanRow;
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

fn big_plan() -> App {
    let start = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let mut session = Session::new(Template::default_template(), "Bench", start);
    let initiatives: Vec<u64> = (0..5)
        .map(|i| session.add_initiative(&format!("Initiative {i}"), ""))
        .collect();
    let owners = ["Ana Lopez", "Ben", "Chen Li", "", "everyone"];
    let dues = ["2026-12-15", "2027-01-10", "someday", "", "2026-11-02"];
    let statuses = ["", "In progress", "Done", "Blocked"];
    for n in 0..500 {
        let id = session.new_id();
        let mut row = PlanRow::new(id, initiatives[n % 5], &[]);
        row.set(
            "action",
            format!("Publish step {n} of the permit process online for citizens"),
        );
        row.set("owner", owners[n % 5].into());
        row.set("due", dues[n % 5].into());
        row.set("status", statuses[n % 4].into());
        row.set(
            "resources",
            "Two developers for three weeks\nA small budget line".into(),
        );
        if n % 3 == 0 {
            row.set("kpi", "100 permits a month filed online".into());
        }
        session.plan_mut().rows.push(row);
    }
    let mut app = App::new(
        session,
        PathBuf::from("bench.json"),
        Arc::new(FakeClock::new(start)),
    );
    app.update(Action::GoToStep(3));
    app
}

fn render_table(c: &mut Criterion) {
    let mut app = big_plan();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("table 500 rows, one initiative, 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| convene::ui::draw(f, black_box(&app)))
                .unwrap();
        })
    });
    // Every initiative's rows at once, sorted by date, focus half-way down.
    app.update(Action::Table(convene::app::table::TableAction::PrevTable));
    app.update(Action::Table(convene::app::table::TableAction::CycleSort));
    app.update(Action::Table(convene::app::table::TableAction::CycleSort));
    for _ in 0..250 {
        app.update(Action::Table(convene::app::table::TableAction::Down));
    }
    c.bench_function("table 500 rows, all initiatives sorted, 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| convene::ui::draw(f, black_box(&app)))
                .unwrap();
        })
    });
}

criterion_group!(benches, render_table);
criterion_main!(benches);

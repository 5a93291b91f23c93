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

/// The same plan after 20 monthly reviews: each row's status changed and a progress
/// note written at every review, so 40 lines of history a row, 20,000 in all.
fn reviewed_plan() -> Session {
    use convene::domain::review::{Change, Meeting, Review, What};
    let mut session = big_plan().session;
    let agenda = Template::built_in("plan-review").unwrap();
    let start = session.created_at;
    for n in 1..=20u32 {
        let at = start + chrono::Duration::weeks(4 * i64::from(n));
        session.reviews.push(Review {
            held_at: at,
            on: at.date_naive(),
            attendees: vec!["Ana Lopez".into(), "Ben".into()],
            timing: convene::domain::timer::Timing::new(agenda.steps.len()),
        });
        for row in &mut session.plan_mut().rows {
            row.history.push(Change {
                on: at.date_naive(),
                meeting: Meeting::Review(n),
                what: What::Cell {
                    column: "status".into(),
                    from: "Not started".into(),
                    to: "In progress".into(),
                },
            });
            row.history.push(Change {
                on: at.date_naive(),
                meeting: Meeting::Review(n),
                what: What::Note {
                    note: format!("Review {n}: the form is drafted, legal reads it next"),
                },
            });
        }
    }
    session.review_agenda = Some(agenda);
    session.next_review = "2028-08-01".into();
    session
}

/// Opening, showing in a review and exporting a plan with 20 reviews of history
/// (target: < 20 ms each).
fn reviewed(c: &mut Criterion) {
    let session = reviewed_plan();
    let text = convene::storage::to_json(&session);
    let path = std::path::Path::new("bench.json");
    c.bench_function("open a 500-row plan with 20 reviews of history", |b| {
        b.iter(|| convene::storage::parse(path, black_box(&text)).unwrap())
    });
    let start = session.created_at;
    let clock = FakeClock::new(start + chrono::Duration::weeks(84));
    let mut app = App::new(
        session.clone(),
        PathBuf::from("bench.json"),
        Arc::new(clock),
    );
    app.open_review_meeting();
    app.update(Action::Table(convene::app::table::TableAction::PrevTable));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function(
        "review view, 500 rows with 20 reviews, all initiatives, 200x60",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| convene::ui::draw(f, black_box(&app)))
                    .unwrap();
            })
        },
    );
    let today = app.today();
    let now = app.now();
    for (format, name) in [
        (
            convene::export::Format::Md,
            "export the report (md) of the reviewed plan",
        ),
        (
            convene::export::Format::Html,
            "export the handout (html) of the reviewed plan",
        ),
        (
            convene::export::Format::Digest,
            "export the digest of the reviewed plan",
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| convene::export::render(black_box(&session), format, today, now))
        });
    }
}

criterion_group!(benches, render_table, reviewed);
criterion_main!(benches);

//! The board on the keystroke path: drawing a full board, and adding a note to a big session.

use chrono::{DateTime, Utc};
use convene::app::board::BoardAction;
use convene::app::{Action, App};
use convene::domain::board::{Note, NoteColour};
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The tasks step with `notes` notes spread over four initiatives.
fn app(notes: usize) -> App {
    let mut session = Session::new(Template::default_template(), "Bench", start());
    for name in [
        "Online permits",
        "Open data portal",
        "311 app",
        "Digital ID",
    ] {
        session.add_initiative(name, "");
    }
    let board = session.boards.get_mut("tasks").unwrap();
    for i in 0..notes {
        let pane = i % board.panes.len();
        board.panes[pane].notes.push(Note {
            colour: NoteColour::ALL[i % 6],
            votes: (i % 7) as u32,
            author: (i % 3 == 0).then(|| "AB".to_string()),
            group: (i % 10 < 3).then(|| format!("Cluster {}", i % 4)),
            ..Note::new(
                10_000 + i as u64,
                format!("Task {i}: ask the permits office for 会議 data 🎉 and a date"),
            )
        });
    }
    for pane in &mut board.panes {
        pane.gather_groups();
    }
    session.normalize();
    let mut app = App::new(
        session,
        PathBuf::from("bench.json"),
        Arc::new(FakeClock::new(start())),
    );
    app.update(Action::GoToStep(2));
    app
}

fn render(c: &mut Criterion) {
    let mut app = app(500);
    app.board.note = 60;
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("board: draw 500 notes at 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| convene::ui::draw(f, black_box(&app)))
                .unwrap();
        })
    });
}

fn add(c: &mut Criterion) {
    let base = app(2_000);
    c.bench_function("board: add a note to a session of 2,000 notes", |b| {
        b.iter_batched(
            || base.session.clone(),
            |session| {
                let mut app = App::new(
                    session,
                    PathBuf::from("bench.json"),
                    Arc::new(FakeClock::new(start())),
                );
                app.update(Action::Board(BoardAction::Add));
                for ch in "New task".chars() {
                    app.handle_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
                }
                app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                black_box(app)
            },
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, render, add);
criterion_main!(benches);

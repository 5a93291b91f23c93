//! Drawing the projector screen: a frame must take well under a millisecond.

mod common;

use chrono::Duration;
use convene::app::{Action, App};
use convene::domain::session::Session;
use convene::domain::template::Template;
use convene::domain::timer::FakeClock;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;

fn projector(c: &mut Criterion) {
    let clock = FakeClock::new(common::start());
    let mut session = Session::new(Template::default_template(), "Bench", common::start());
    session.add_initiative("Online permits", "Apply and pay without a visit");
    let mut app = App::new(session, "bench.json".into(), Arc::new(clock.clone()));
    app.update(Action::ToggleClock);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("projector 200x60, countdown running", |b| {
        b.iter(|| {
            clock.advance(Duration::seconds(1));
            terminal
                .draw(|f| convene::ui::draw(f, black_box(&app)))
                .unwrap();
        })
    });
}

criterion_group!(benches, projector);
criterion_main!(benches);

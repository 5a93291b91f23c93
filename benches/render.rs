//! Drawing the projector screen, and the room's screen a mirror draws from the room's
//! view made afresh each frame: a frame must take well under a millisecond.

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

/// A mirror's frame on the tasks step of a session with 2,000 notes: the room's view
/// (the board copied out of the session) and the drawing.
fn mirror(c: &mut Criterion) {
    let mut session = common::large_session(2000, 500);
    session.timing.toggle(common::start());
    session.timing.go_to(2, common::start());
    let mut now = common::start();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let theme = convene::ui::theme::Theme::new(session.settings.theme, true);
    c.bench_function("mirror 200x60, 2,000 notes, countdown running", |b| {
        b.iter(|| {
            now += Duration::seconds(1);
            let room = convene::domain::room::RoomView::of(black_box(&session), now);
            terminal
                .draw(|f| convene::ui::room::draw(f, &room, None, None, &theme))
                .unwrap();
        })
    });
}

criterion_group!(benches, projector, mirror);
criterion_main!(benches);

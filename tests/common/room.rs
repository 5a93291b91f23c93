//! A facilitator typing a workshop key by key through the update function, on a fake
//! clock: how the example sessions in `sessions/` are made. `TRACE=1` prints what each
//! key did.

use chrono::Duration;
use convene::app::App;
use convene::domain::timer::FakeClock;
use crossterm::event::KeyCode;

/// The facilitator at the keyboard: keys through the update function, on a fake clock.
pub struct Room {
    pub app: App,
    pub clock: FakeClock,
}

impl Room {
    pub fn new(app: App, clock: FakeClock) -> Room {
        Room { app, clock }
    }

    pub fn press(&mut self, code: KeyCode) {
        super::press(&mut self.app, code);
        if std::env::var_os("TRACE").is_some() {
            let e = self
                .app
                .editor
                .as_ref()
                .map(|e| format!("{:?} {:?}", e.label, e.text()));
            eprintln!(
                "{code:?} -> step {} board {:?} table {:?} editor {e:?} status {:?}",
                self.app.session.timing.current,
                (self.app.board.pane, self.app.board.note),
                (self.app.table.row, self.app.table.column),
                self.app.status.as_ref().map(|s| &s.text)
            );
        }
    }

    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Types into the open editor and presses Enter.
    pub fn line(&mut self, text: &str) {
        self.keys(text);
        self.press(KeyCode::Enter);
    }

    /// Edits the focused cell of the table and moves on to the next column.
    pub fn cell(&mut self, text: &str) {
        self.press(KeyCode::Enter);
        self.line(text);
        self.press(KeyCode::Right);
    }

    pub fn minutes(&mut self, m: i64) {
        self.clock.advance(Duration::seconds(m * 60 + 17));
        self.app.tick();
    }
}

//! Views: they render the app's state and nothing else (no I/O, no state changes).

pub mod activity;
pub mod board;
pub mod console;
pub mod countdown;
pub mod editor;
pub mod fields;
pub mod groups;
pub mod overlay;
pub mod panel;
pub mod plenary;
pub mod projector;
pub mod room;
mod roster;
mod setup;
pub mod share;
pub mod table;
pub mod theme;

use crate::app::{App, Screen};
use ratatui::Frame;
use theme::Theme;

pub fn theme(app: &App) -> Theme {
    Theme::new(app.session.settings.theme, app.colour)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let theme = theme(app);
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base());
    if crate::layout::tiny(area) {
        projector::render_tiny(frame, area, app, &theme);
        return;
    }
    match app.screen {
        Screen::Projector if app.zoom => projector::render_zoom(frame, area, app, &theme),
        Screen::Projector if app.console_shows() => console::render(frame, area, app, &theme),
        Screen::Projector => projector::render(frame, area, app, &theme),
        Screen::Setup => setup::render(frame, area, app, &theme),
        Screen::Roster => roster::render(frame, area, app, &theme),
    }
    share::render(frame, area, app, &theme);
    overlay::render(frame, area, app, &theme);
}

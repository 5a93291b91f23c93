//! Views: they render the app's state and nothing else (no I/O, no state changes).

pub mod activity;
pub mod board;
pub mod countdown;
pub mod editor;
pub mod overlay;
pub mod panel;
pub mod projector;
pub mod setup;
pub mod table;
pub mod text;
pub mod theme;

use crate::app::{App, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use theme::Theme;

/// Below this size the screen shows only the essentials as plain text.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

pub fn theme(app: &App) -> Theme {
    Theme::new(app.session.settings.theme, app.colour)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let theme = theme(app);
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        projector::render_tiny(frame, area, app, &theme);
        return;
    }
    match app.screen {
        Screen::Projector if app.zoom => projector::render_zoom(frame, area, app, &theme),
        Screen::Projector => projector::render(frame, area, app, &theme),
        Screen::Setup => setup::render(frame, area, app, &theme),
    }
    overlay::render(frame, area, app, &theme);
}

/// Where the board is on a screen of this size, if one is shown: the view and the
/// mouse hit-testing both start from here.
pub fn board_area(app: &App, screen: Rect) -> Option<Rect> {
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT || app.screen != Screen::Projector {
        return None;
    }
    activity::board_area(projector::activity_area(screen, app), app)
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

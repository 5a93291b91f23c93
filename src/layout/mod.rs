//! Where things go on the screen, worked out in one place from plain inputs: the
//! screen's size, the session and view-state values. The update step uses it to move
//! the focus, keep it in view and hit-test clicks; the views use it to draw, so what
//! the keys and the mouse act on is what is shown. It imports neither `app` nor `ui`.

pub mod board;
pub mod console;
pub mod groups;
pub mod projector;
pub mod share;
pub mod table;
pub mod text;

use ratatui::layout::Rect;

/// Below this size the screen shows only the essentials as plain text.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

/// A screen too small for anything but the time.
pub fn tiny(screen: Rect) -> bool {
    screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT
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

//! The step's activity as last drawn, kept for the clock's ticks: a tick changes one
//! digit of the countdown, so the board, the table and the summary (the plan check,
//! the table's and the board's layout) are drawn again only after a change, and a
//! tick copies them back.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::RefCell;

/// What the drawn activity depends on besides the session and the view state, which
/// change only through the app's methods (each one moves `generation` on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaintKey {
    pub generation: u64,
    pub area: Rect,
    /// The plan check's "overdue" changes at midnight.
    pub today: NaiveDate,
}

#[derive(Debug, Default)]
pub struct Painted(RefCell<Option<(PaintKey, Buffer)>>);

impl Painted {
    /// Copies the activity drawn for `key` into `buf`; false when there is none.
    pub fn restore(&self, key: PaintKey, buf: &mut Buffer) -> bool {
        let kept = self.0.borrow();
        let Some((kept_key, cells)) = kept.as_ref().filter(|(k, _)| *k == key) else {
            return false;
        };
        let area = kept_key.area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buf[(x, y)] = cells[(x, y)].clone();
            }
        }
        true
    }

    /// Keeps the activity just drawn into `buf` for `key`.
    pub fn keep(&self, key: PaintKey, buf: &Buffer) {
        let area = key.area.intersection(buf.area);
        let mut cells = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                cells[(x, y)] = buf[(x, y)].clone();
            }
        }
        *self.0.borrow_mut() = Some((key, cells));
    }
}

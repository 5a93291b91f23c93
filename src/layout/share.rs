//! The join panel on the projector: the QR code as large as the screen allows (each
//! module half a cell tall, or a whole cell two columns wide on a big screen), the
//! address and the join code beside it; or, on a screen too small for a code a phone
//! can scan, the address and the code alone.

use ratatui::layout::Rect;

/// Modules of quiet zone around the code, as the QR standard asks.
pub const QUIET: u16 = 4;
/// Columns the address and the code need beside the QR code.
const TEXT_WIDTH: u16 = 28;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharePanel {
    /// The bordered box.
    pub frame: Rect,
    /// Where the QR code goes, with its quiet zone, and how big a module is.
    pub qr: Option<(Rect, QrScale)>,
    /// The address, the join code in big letters and the hints.
    pub text: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrScale {
    /// One column wide and half a row tall (half-block characters).
    Half,
    /// Two columns wide and one row tall: twice the size, for a big screen.
    Double,
}

impl QrScale {
    /// Cells a code of `modules` modules (quiet zone included) takes.
    pub fn size(self, modules: u16) -> (u16, u16) {
        match self {
            QrScale::Half => (modules, modules.div_ceil(2)),
            QrScale::Double => (modules * 2, modules),
        }
    }
}

/// The panel over `screen` for a QR code of `modules` modules a side, quiet zone
/// included; the last row (the status line) stays visible.
pub fn panel(screen: Rect, modules: u16) -> SharePanel {
    let frame = Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    };
    let inner = Rect {
        x: frame.x + 1,
        y: frame.y + 1,
        width: frame.width.saturating_sub(2),
        height: frame.height.saturating_sub(2),
    };
    let fits = |scale: QrScale| {
        let (w, h) = scale.size(modules);
        (w + TEXT_WIDTH <= inner.width && h <= inner.height).then_some((w, h, scale))
    };
    let Some((w, h, scale)) = fits(QrScale::Double).or_else(|| fits(QrScale::Half)) else {
        return SharePanel {
            frame,
            qr: None,
            text: inner,
        };
    };
    // The code and the text share the width; the code centred in its height.
    let spare = inner.width - w - TEXT_WIDTH;
    let qr = Rect::new(inner.x + spare / 3, inner.y + (inner.height - h) / 2, w, h);
    // The text starts level with the code, so they read as one block.
    let text_x = qr.x + w + spare / 3;
    SharePanel {
        frame,
        qr: Some((qr, scale)),
        text: Rect::new(text_x, qr.y, inner.right() - text_x, inner.bottom() - qr.y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version-3 code (29 modules) with its quiet zone.
    const MODULES: u16 = 29 + 2 * QUIET;

    #[test]
    fn a_scannable_code_fits_at_80x24_and_doubles_at_160x48() {
        let small = panel(Rect::new(0, 0, 80, 24), MODULES);
        let (qr, scale) = small.qr.expect("a code at 80x24");
        assert_eq!(scale, QrScale::Half);
        assert_eq!((qr.width, qr.height), (37, 19));
        assert!(small.text.width >= TEXT_WIDTH && small.text.x >= qr.right());
        let (qr, scale) = panel(Rect::new(0, 0, 160, 48), MODULES).qr.unwrap();
        assert_eq!((scale, qr.width, qr.height), (QrScale::Double, 74, 37));
    }

    #[test]
    fn too_small_a_screen_has_no_code_but_the_text() {
        let p = panel(Rect::new(0, 0, 60, 18), MODULES);
        assert_eq!(p.qr, None);
        assert_eq!(p.text.width, 58);
    }
}

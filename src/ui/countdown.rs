//! The big countdown the back row reads, with its stage always spelled out.

use super::theme::Theme;
use crate::domain::timer::{Countdown, Stage};
use crate::layout::projector::{QUADRANT_ROWS, digits_size};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// `start`: the key that starts the clock, said while it is paused.
pub fn render(frame: &mut Frame, area: Rect, countdown: &Countdown, start: &str, theme: &Theme) {
    let style = theme.stage(countdown.stage);
    let text = countdown.text();
    let label = label_line(countdown, start, theme);
    let chars = text.chars().count() as u16;
    let Some((glyph_rows, glyph_width)) = digits_size(area, chars) else {
        render_line(frame, area, &text, label, theme, style);
        return;
    };
    // Centred in the height it was given (the full-screen clock has rows to spare).
    let top = area.y + (area.height - glyph_rows - 1) / 2;
    let big_area = Rect {
        x: area.x + (area.width - glyph_width) / 2,
        y: top,
        width: glyph_width,
        height: glyph_rows,
    };
    if countdown.stage == Stage::Overtime {
        // The whole band turns, so time-up is unmistakable from across the room.
        let band = Rect {
            y: top,
            height: glyph_rows,
            ..area
        };
        frame.buffer_mut().set_style(band, style);
    }
    let big = |size| {
        BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(text.clone())])
            .build()
    };
    if glyph_rows == QUADRANT_ROWS {
        frame.render_widget(big(PixelSize::Quadrant), big_area);
    } else {
        render_scaled(frame.buffer_mut(), big(PixelSize::Full), big_area, chars);
    }
    let label_area = Rect {
        y: top + glyph_rows,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(label).alignment(Alignment::Center),
        label_area,
    );
}

/// "■ TIME IS UP · 15:00 planned · paused": the words that carry the stage.
pub fn label_line<'a>(countdown: &Countdown, start: &str, theme: &Theme) -> Line<'a> {
    let stage = countdown.stage;
    let planned = crate::domain::timer::mm_ss(countdown.allotted_ms / 1000);
    let state = match (countdown.running, start) {
        (true, _) => "running".to_string(),
        (false, "") => "PAUSED".to_string(),
        (false, key) => format!("PAUSED · {key} to start"),
    };
    let mut spans = vec![
        Span::styled(
            format!(" {} {} ", stage.symbol(), stage.label()),
            theme.stage(stage),
        ),
        Span::styled(format!("  {planned} planned  ·  {state}"), theme.muted()),
    ];
    if stage == Stage::Overtime {
        spans.insert(
            1,
            Span::styled(
                format!("  {} over", countdown.text().trim_start_matches('+')),
                theme.error(),
            ),
        );
    }
    Line::from(spans)
}

/// The clock on one line, its stage beside it in words.
fn render_line(
    frame: &mut Frame,
    area: Rect,
    text: &str,
    label: Line,
    theme: &Theme,
    style: Style,
) {
    let line = Line::from(vec![
        Span::styled(format!(" {text} "), style),
        Span::raw(" "),
    ])
    .patch_style(theme.base());
    let mut spans = line.spans;
    spans.extend(label.spans);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).alignment(Alignment::Center),
        area,
    );
}

/// Draws the Full font's 8x8 pixels of each character scaled to `area`, two half
/// rows a cell with half blocks: at 12 rows as well as 8 and 16, so the clock takes
/// the room it is given rather than the nearest multiple of 8.
fn render_scaled(buf: &mut Buffer, big: BigText, area: Rect, chars: u16) {
    let pixels = Rect::new(0, 0, chars * 8, 8);
    let mut font = Buffer::empty(pixels);
    big.render(pixels, &mut font);
    let lit = |x: u16, y: u16| font[(x, y)].symbol() != " ";
    let per_char = area.width / chars.max(1);
    let half_rows = u32::from(area.height) * 2;
    for y in 0..area.height {
        let top = (u32::from(y) * 2 * 8 / half_rows) as u16;
        let bottom = ((u32::from(y) * 2 + 1) * 8 / half_rows) as u16;
        for x in 0..per_char * chars {
            let px = (x / per_char) * 8 + (x % per_char) * 8 / per_char;
            let symbol = match (lit(px, top), lit(px, bottom)) {
                (true, true) => "█",
                (true, false) => "▀",
                (false, true) => "▄",
                (false, false) => continue,
            };
            let cell = &mut buf[(area.x + x, area.y + y)];
            cell.set_symbol(symbol);
            cell.set_style(font[(px, top.max(bottom))].style());
        }
    }
}

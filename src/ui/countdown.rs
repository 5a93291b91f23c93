//! The big countdown the back row reads, with its stage always spelled out.

use super::theme::Theme;
use crate::domain::timer::{Countdown, Stage};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// `start`: the key that starts the clock, said while it is paused.
pub fn render(frame: &mut Frame, area: Rect, countdown: &Countdown, start: &str, theme: &Theme) {
    let style = theme.stage(countdown.stage);
    let text = countdown.text();
    let label = label_line(countdown, start, theme);
    if area.height < 5 {
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
        return;
    }
    // The largest Full-size multiple that fits with the label under it; Quadrant
    // glyphs (half the size) where even Full does not fit.
    let chars = text.chars().count() as u16;
    let scale = ((area.height - 1) / 8).min(area.width / (8 * chars));
    let (size, scale) = if scale >= 1 {
        (PixelSize::Full, scale)
    } else {
        (PixelSize::Quadrant, 1)
    };
    let glyph_rows = if size == PixelSize::Full { 8 } else { 4 } * scale;
    // Centred in the height it was given (the full-screen clock has rows to spare).
    let top = area.y + (area.height - glyph_rows - 1) / 2;
    let big = BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(text)])
        .alignment(Alignment::Center)
        .build();
    let big_area = Rect {
        y: top,
        height: glyph_rows,
        ..area
    };
    if countdown.stage == Stage::Overtime {
        // The whole band turns, so time-up is unmistakable from across the room.
        frame.buffer_mut().set_style(big_area, style);
    }
    if scale == 1 {
        frame.render_widget(big, big_area);
    } else {
        render_scaled(frame.buffer_mut(), big, big_area, scale);
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

/// Draws big text at a multiple of its Full size, for the largest screens: each cell
/// of the Full glyphs becomes a `scale` x `scale` block.
fn render_scaled(buf: &mut Buffer, big: BigText, area: Rect, scale: u16) {
    let small = Rect::new(0, 0, area.width / scale, area.height / scale);
    let mut glyphs = Buffer::empty(small);
    big.render(small, &mut glyphs);
    let x0 = area.x + (area.width - small.width * scale) / 2;
    for y in 0..small.height {
        for x in 0..small.width {
            let cell = glyphs[(x, y)].clone();
            for dy in 0..scale {
                for dx in 0..scale {
                    buf[(x0 + x * scale + dx, area.y + y * scale + dy)] = cell.clone();
                }
            }
        }
    }
}

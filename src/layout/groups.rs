//! Where the groups step's cards go: as many side by side as fit at a readable
//! width, in rows, group 1 first.

use ratatui::layout::Rect;

/// A card narrower than this cannot show a name on a line.
pub const CARD_MIN_WIDTH: u16 = 18;

/// A plenary column narrower than this cannot show an action on a line or two.
const PLENARY_MIN_WIDTH: u16 = 26;

/// How many groups the plenary shows side by side in `width`, and from which group
/// (0-based) when the facilitator asked to start at `first`: the last page is full.
pub fn plenary_page(width: u16, count: usize, first: usize) -> (usize, usize) {
    let fit = usize::from((width / PLENARY_MIN_WIDTH).max(1)).min(count.max(1));
    (fit, first.min(count.saturating_sub(fit)))
}

/// Each group's card: (its number, 1-based; its area), for `count` groups in `area`.
/// Cards that would be less than 3 lines high are left out (a 20x6 terminal shows
/// what fits).
pub fn cards(area: Rect, count: u32) -> Vec<(u32, Rect)> {
    let count = count.max(1) as u16;
    let fit = (area.width / CARD_MIN_WIDTH).max(1);
    // Rows as even as the count allows: 6 groups in 3 + 3 rather than 5 + 1.
    let rows = count.div_ceil(fit);
    let per_row = count.div_ceil(rows);
    let height = area.height / rows;
    if height < 3 {
        return Vec::new();
    }
    let width = area.width / per_row;
    (0..count)
        .map(|i| {
            let (row, col) = (i / per_row, i % per_row);
            let last_in_row = col + 1 == per_row;
            let w = if last_in_row {
                area.width - width * col
            } else {
                width
            };
            let rect = Rect::new(area.x + width * col, area.y + height * row, w, height);
            (u32::from(i) + 1, rect)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_groups_sit_in_even_rows_inside_the_area() {
        let area = Rect::new(0, 2, 80, 20);
        let six = cards(area, 6);
        assert_eq!(six.len(), 6);
        assert_eq!(six[3].1.y, six[0].1.y + 10, "3 + 3 in two rows");
        for (_, c) in &six {
            assert!(c.right() <= area.right() && c.bottom() <= area.bottom());
            assert!(c.width >= CARD_MIN_WIDTH);
        }
        assert!(
            cards(Rect::new(0, 0, 20, 6), 6).is_empty(),
            "too small to draw"
        );
    }
}

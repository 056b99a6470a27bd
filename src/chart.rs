//! The geometry of a histogram in a 100 × 40 SVG box, shared by the
//! widget's rating chart and the dashboard's histograms: one slot per
//! count, a bar 70% of its slot wide and at most 30 high standing on
//! y = 32, its label centred beneath at y = 39. Right to left, the first
//! count stands at the right, as the scales it counts run.

/// The box every histogram is drawn in.
pub const VIEW_BOX: &str = "0 0 100 40";
/// Where the labels' baseline is.
pub const LABEL_Y: &str = "39";

/// One bar, in the box's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The centre of its label.
    pub label_x: f64,
}

/// The bars of `counts`, in their order, the highest 30 high (all flat
/// when every count is zero); the first at the left, or at the right when
/// `right_to_left`.
pub fn bars(counts: &[u64], right_to_left: bool) -> Vec<Bar> {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = 100.0 / counts.len().max(1) as f64;
    counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let height = 30.0 * n as f64 / max;
            let place = if right_to_left { counts.len() - 1 - i } else { i };
            let start = place as f64 * slot;
            Bar {
                x: start + slot * 0.15,
                y: 32.0 - height,
                width: slot * 0.7,
                height,
                label_x: start + slot / 2.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn bars_fill_their_slots_and_the_highest_is_thirty_high() {
        let bars = bars(&[1, 0, 4, 2], false);
        assert_eq!(bars.len(), 4);
        assert_eq!((bars[2].height, bars[2].y), (30.0, 2.0));
        assert_eq!((bars[1].height, bars[1].y), (0.0, 32.0));
        assert!((bars[0].x - 3.75).abs() < 1e-9 && (bars[0].width - 17.5).abs() < 1e-9);
        assert!((bars[3].label_x - 87.5).abs() < 1e-9);
        assert!(super::bars(&[0, 0], false).iter().all(|b| b.height == 0.0));
    }

    #[wasm_bindgen_test]
    fn right_to_left_the_first_count_stands_at_the_right() {
        let (ltr, rtl) = (bars(&[1, 0, 4, 2], false), bars(&[1, 0, 4, 2], true));
        assert!((rtl[0].label_x - 87.5).abs() < 1e-9, "{:?}", rtl[0]);
        assert_eq!((rtl[3].x, rtl[2].height), (ltr[0].x, 30.0));
    }
}

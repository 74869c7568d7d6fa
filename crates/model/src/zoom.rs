//! The infographic viewer's zoom and pan: a scale and an offset changed by buttons, keys, drag
//! and pinch. The view only turns events into these calls and writes [`ZoomView::style`].

/// The image at its natural size in the frame; never smaller.
pub const MIN_SCALE: f64 = 1.0;
/// The closest zoom: four times the natural size.
pub const MAX_SCALE: f64 = 4.0;
/// How much one press of + or − zooms (multiplies or divides the scale).
pub const ZOOM_STEP: f64 = 1.5;
/// How far one arrow key moves the image, in CSS pixels.
pub const PAN_STEP_PX: f64 = 60.0;
/// Below this finger distance (px) a pinch's start is treated as this, so a pinch that begins with
/// both fingers on one spot cannot divide by zero.
const MIN_PINCH_DISTANCE_PX: f64 = 1.0;

/// The scale and offset of the image inside its frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoomView {
    pub scale: f64,
    /// Offset in CSS pixels, applied before the scale (`translate(x, y) scale(s)`).
    pub x: f64,
    pub y: f64,
}

impl Default for ZoomView {
    fn default() -> Self {
        ZoomView {
            scale: MIN_SCALE,
            x: 0.0,
            y: 0.0,
        }
    }
}

/// What a key press in the viewer does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ZoomAction {
    ZoomIn,
    ZoomOut,
    Reset,
    /// Move the image by this many pixels.
    Pan(f64, f64),
}

impl ZoomAction {
    /// The action for a `KeyboardEvent.key`, `None` for keys the viewer leaves alone.
    /// Arrows move the view the way the arrow points, so the image moves the other way.
    pub fn for_key(key: &str) -> Option<ZoomAction> {
        Some(match key {
            "+" | "=" => ZoomAction::ZoomIn,
            "-" | "_" => ZoomAction::ZoomOut,
            "0" => ZoomAction::Reset,
            "ArrowLeft" => ZoomAction::Pan(PAN_STEP_PX, 0.0),
            "ArrowRight" => ZoomAction::Pan(-PAN_STEP_PX, 0.0),
            "ArrowUp" => ZoomAction::Pan(0.0, PAN_STEP_PX),
            "ArrowDown" => ZoomAction::Pan(0.0, -PAN_STEP_PX),
            _ => return None,
        })
    }
}

impl ZoomView {
    /// The view after `action`.
    pub fn apply(self, action: ZoomAction) -> ZoomView {
        match action {
            ZoomAction::ZoomIn => self.zoom(ZOOM_STEP),
            ZoomAction::ZoomOut => self.zoom(1.0 / ZOOM_STEP),
            ZoomAction::Reset => ZoomView::default(),
            ZoomAction::Pan(dx, dy) => self.pan(dx, dy),
        }
    }

    /// Multiplies the scale by `factor` within the limits; back at the natural size the image
    /// is re-centred (there is nothing left to pan).
    pub fn zoom(self, factor: f64) -> ZoomView {
        let scale = clamp_scale(self.scale * factor);
        if scale <= MIN_SCALE {
            ZoomView {
                scale,
                ..ZoomView::default()
            }
        } else {
            ZoomView { scale, ..self }
        }
    }

    /// Moves the image by (`dx`, `dy`) pixels.
    pub fn pan(self, dx: f64, dy: f64) -> ZoomView {
        ZoomView {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// A one-pointer drag: pans only when zoomed in, so at the natural size a drag does nothing.
    pub fn drag(self, dx: f64, dy: f64) -> ZoomView {
        if self.scale > MIN_SCALE {
            self.pan(dx, dy)
        } else {
            self
        }
    }

    /// The same offset at `scale` (within the limits): what a pinch sets.
    pub fn with_scale(self, scale: f64) -> ZoomView {
        ZoomView {
            scale: clamp_scale(scale),
            ..self
        }
    }

    /// The inline style for the canvas.
    pub fn style(&self) -> String {
        format!(
            "transform: translate({}px, {}px) scale({})",
            self.x, self.y, self.scale
        )
    }

    /// The zoom level as the toolbar shows it: `150%`.
    pub fn percent(&self) -> String {
        format!("{:.0}%", self.scale * 100.0)
    }
}

/// A two-finger pinch: the finger distance and scale when it began.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pinch {
    pub start_distance: f64,
    pub start_scale: f64,
}

impl Pinch {
    /// Starts a pinch with the fingers at `a` and `b` on a view at `scale`.
    pub fn start(a: (f64, f64), b: (f64, f64), scale: f64) -> Pinch {
        Pinch {
            start_distance: distance(a, b),
            start_scale: scale,
        }
    }

    /// The scale (within the limits) for fingers now at `a` and `b`: it grows with their distance.
    pub fn scale_at(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        clamp_scale(
            self.start_scale * distance(a, b) / self.start_distance.max(MIN_PINCH_DISTANCE_PX),
        )
    }
}

/// The straight-line distance between two points.
pub fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn clamp_scale(scale: f64) -> f64 {
    scale.clamp(MIN_SCALE, MAX_SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(scale: f64, x: f64, y: f64) -> ZoomView {
        ZoomView { scale, x, y }
    }

    #[test]
    fn actions_table() {
        use ZoomAction::*;
        // (before, action, after)
        let cases = [
            (ZoomView::default(), ZoomIn, at(1.5, 0.0, 0.0)),
            (at(1.5, 10.0, 5.0), ZoomIn, at(2.25, 10.0, 5.0)),
            (at(3.0, 0.0, 0.0), ZoomIn, at(MAX_SCALE, 0.0, 0.0)),
            (at(MAX_SCALE, 1.0, 1.0), ZoomIn, at(MAX_SCALE, 1.0, 1.0)),
            (at(2.25, 10.0, 5.0), ZoomOut, at(1.5, 10.0, 5.0)),
            // Back at the natural size the offset is dropped.
            (at(1.5, 10.0, 5.0), ZoomOut, at(1.0, 0.0, 0.0)),
            (ZoomView::default(), ZoomOut, ZoomView::default()),
            (at(3.0, 10.0, 5.0), Reset, ZoomView::default()),
            (at(2.0, 10.0, 5.0), Pan(-60.0, 0.0), at(2.0, -50.0, 5.0)),
            (ZoomView::default(), Pan(0.0, 60.0), at(1.0, 0.0, 60.0)),
        ];
        for (before, action, after) in cases {
            assert_eq!(before.apply(action), after, "{before:?} {action:?}");
        }
    }

    #[test]
    fn keys_table() {
        let cases = [
            ("+", Some(ZoomAction::ZoomIn)),
            ("=", Some(ZoomAction::ZoomIn)),
            ("-", Some(ZoomAction::ZoomOut)),
            ("_", Some(ZoomAction::ZoomOut)),
            ("0", Some(ZoomAction::Reset)),
            ("ArrowLeft", Some(ZoomAction::Pan(PAN_STEP_PX, 0.0))),
            ("ArrowRight", Some(ZoomAction::Pan(-PAN_STEP_PX, 0.0))),
            ("ArrowUp", Some(ZoomAction::Pan(0.0, PAN_STEP_PX))),
            ("ArrowDown", Some(ZoomAction::Pan(0.0, -PAN_STEP_PX))),
            ("a", None),
            ("Enter", None),
        ];
        for (key, want) in cases {
            assert_eq!(ZoomAction::for_key(key), want, "{key}");
        }
    }

    #[test]
    fn drag_pans_only_when_zoomed_in() {
        assert_eq!(ZoomView::default().drag(5.0, 5.0), ZoomView::default());
        assert_eq!(at(2.0, 0.0, 0.0).drag(5.0, -3.0), at(2.0, 5.0, -3.0));
    }

    #[test]
    fn pinch_table() {
        // (start fingers, scale at start, fingers now, expected scale)
        let cases = [
            (
                ((0.0, 0.0), (100.0, 0.0)),
                1.0,
                ((0.0, 0.0), (200.0, 0.0)),
                2.0,
            ),
            (
                ((0.0, 0.0), (100.0, 0.0)),
                2.0,
                ((0.0, 0.0), (50.0, 0.0)),
                1.0,
            ),
            (
                ((0.0, 0.0), (100.0, 0.0)),
                1.0,
                ((0.0, 0.0), (30.0, 40.0)),
                1.0,
            ),
            (
                ((0.0, 0.0), (100.0, 0.0)),
                3.0,
                ((0.0, 0.0), (1000.0, 0.0)),
                MAX_SCALE,
            ),
            // Both fingers on one spot at the start: no division by zero.
            (((5.0, 5.0), (5.0, 5.0)), 1.0, ((0.0, 0.0), (3.0, 0.0)), 3.0),
        ];
        for ((a0, b0), s0, (a, b), want) in cases {
            let pinch = Pinch::start(a0, b0, s0);
            assert_eq!(pinch.scale_at(a, b), want, "{a0:?} {b0:?} {s0} {a:?} {b:?}");
        }
        assert_eq!(at(2.0, 3.0, 4.0).with_scale(9.0), at(MAX_SCALE, 3.0, 4.0));
        assert_eq!(distance((0.0, 0.0), (3.0, 4.0)), 5.0);
    }

    #[test]
    fn style_and_percent() {
        assert_eq!(
            ZoomView::default().style(),
            "transform: translate(0px, 0px) scale(1)"
        );
        assert_eq!(
            at(2.25, -60.0, 12.5).style(),
            "transform: translate(-60px, 12.5px) scale(2.25)"
        );
        assert_eq!(ZoomView::default().percent(), "100%");
        assert_eq!(at(2.25, 0.0, 0.0).percent(), "225%");
    }
}

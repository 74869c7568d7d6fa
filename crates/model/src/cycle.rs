//! Wrap-around stepping through a list (gallery photos, ticker headlines): the last item's
//! "next" is the first, the first item's "previous" is the last; and which way a swipe steps.

/// How far (CSS pixels) a pointer must travel sideways for a swipe to step; shorter moves are
/// taps or wobbles.
pub const SWIPE_MIN_PX: f64 = 50.0;

/// The step for a horizontal swipe of `dx` pixels: against the reading direction shows the next
/// item (leftwards in left-to-right text, rightwards when `rtl`), along it the previous one, a
/// short move nothing.
pub fn swipe(dx: f64, rtl: bool) -> Option<isize> {
    if dx.abs() > SWIPE_MIN_PX {
        let forward = if rtl { dx > 0.0 } else { dx < 0.0 };
        Some(if forward { 1 } else { -1 })
    } else {
        None
    }
}

/// The step for an arrow key: the key pointing in reading direction shows the next item
/// (`ArrowRight`, or `ArrowLeft` when `rtl`), the other the previous one.
pub fn arrow(key: &str, rtl: bool) -> Option<isize> {
    match (key, rtl) {
        ("ArrowRight", false) | ("ArrowLeft", true) => Some(1),
        ("ArrowLeft", false) | ("ArrowRight", true) => Some(-1),
        _ => None,
    }
}

/// The index `delta` places after `current` in a list of `len` items, wrapping at both ends.
/// An empty list has only index 0 (nothing to show, nothing to step to).
pub fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    // `len` and `current % len` fit in isize for any list that fits in memory.
    let len = len as isize;
    let current = (current as isize).rem_euclid(len);
    (current + delta).rem_euclid(len) as usize
}

/// `current` kept inside a list of `len` items (the list may have shrunk since it was chosen).
pub fn wrap(current: usize, len: usize) -> usize {
    current % len.max(1)
}

/// The index after `current`, wrapping to the first item.
pub fn next(current: usize, len: usize) -> usize {
    step(current, 1, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_table() {
        // (current, delta, len, expected)
        let cases = [
            (0, 1, 3, 1),
            (2, 1, 3, 0),
            (0, -1, 3, 2),
            (1, -1, 3, 0),
            (0, 1, 1, 0),
            (0, -1, 1, 0),
            (0, 1, 0, 0),
            (0, -1, 0, 0),
            (4, 1, 3, 2),
            (1, 7, 3, 2),
            (1, -7, 3, 0),
        ];
        for (current, delta, len, want) in cases {
            assert_eq!(
                step(current, delta, len),
                want,
                "step({current}, {delta}, {len})"
            );
        }
    }

    #[test]
    fn swipe_table() {
        let cases = [
            (0.0, None),
            (50.0, None),
            (-50.0, None),
            (50.5, Some(-1)),
            (-51.0, Some(1)),
            (-300.0, Some(1)),
            (f64::NAN, None),
        ];
        for (dx, want) in cases {
            assert_eq!(swipe(dx, false), want, "{dx}");
            // Right to left: the same gesture means the other way.
            assert_eq!(swipe(dx, true), want.map(|d| -d), "{dx} rtl");
        }
    }

    #[test]
    fn arrows_follow_the_reading_direction() {
        assert_eq!(arrow("ArrowRight", false), Some(1));
        assert_eq!(arrow("ArrowLeft", false), Some(-1));
        assert_eq!(arrow("ArrowLeft", true), Some(1));
        assert_eq!(arrow("ArrowRight", true), Some(-1));
        assert_eq!(arrow("ArrowUp", true), None);
    }

    #[test]
    fn wrap_and_next_table() {
        let cases = [(0, 0, 0), (5, 0, 0), (5, 3, 2), (2, 3, 2), (0, 4, 0)];
        for (current, len, want) in cases {
            assert_eq!(wrap(current, len), want, "wrap({current}, {len})");
        }
        let cases = [(0, 3, 1), (2, 3, 0), (0, 0, 0), (0, 1, 0)];
        for (current, len, want) in cases {
            assert_eq!(next(current, len), want, "next({current}, {len})");
        }
    }
}

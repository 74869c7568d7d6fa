//! A sandy plain in flower, in perspective. Plants stand on a jittered grid whose cells shrink
//! with distance (large and sparse at the bottom edge, small and dense toward the horizon),
//! in patches where the seeds took: each a rosette of leaves with its shadow on the sand, most
//! with a few flowers, in colours that grow together. The nearest are out of focus; plants too
//! small to see blend into the colour they give the ground.

mod plant;

use super::noise::{fbm, hash, mix, noise, scale, smoothstep, tint};
use super::sandstone::{daylight, haze, sun_height, sun_side};
use super::scenes::{Bloom, Scene};
use super::{HEIGHT, WIDTH};
use plant::Plant;

/// The picture's width over its height.
const ASPECT: f32 = WIDTH as f32 / HEIGHT as f32;
const LEAF_DARK: [f32; 3] = [0.12, 0.19, 0.07];
const LEAF_LIGHT: [f32; 3] = [0.36, 0.46, 0.19];

/// Where a pixel of the plain lies, in the plain's units and in plant cells.
struct Spot {
    /// Distance (1 at the bottom edge, growing toward the horizon).
    z: f32,
    /// Across, at that distance.
    x: f32,
    /// Plant-cell coordinates: cells look square and shrink with distance.
    cell: (f32, f32),
    /// One cell's size in pixels here.
    cell_px: f32,
    /// Where plants grow here (0 bare sand, 1 full growth).
    growth: f32,
    /// The side the sun shines from (-1 left, 1 right).
    side: f32,
    /// How far shadows reach sideways, in plant radii: farther the lower the sun.
    shadow: f32,
    /// How wide edges are, in cells: a pixel, more in the out-of-focus foreground.
    blur: f32,
    /// How far plants show as themselves (0: too small, seen as the ground's colour).
    resolved: f32,
}

/// The plain at a pixel below the horizon.
pub fn plain(scene: &Scene, bloom: &Bloom, u: f32, v: f32) -> [f32; 3] {
    let spot = spot(scene, bloom, u, v);
    let c = plants(scene, bloom, &spot, sand(scene, bloom, &spot));
    let shadow = if bloom.shadows > 0.0 {
        let passing = fbm(spot.x * 0.05 + 3.0, spot.z * 0.05, scene.seed + 70, 3);
        1.0 - 0.5 * bloom.shadows * smoothstep(0.45, 0.6, passing)
    } else {
        1.0
    };
    let lit = tint(scale(c, shadow), daylight(scene));
    mix(lit, scene.sky_low, haze(spot.z))
}

fn spot(scene: &Scene, bloom: &Bloom, u: f32, v: f32) -> Spot {
    let h = scene.horizon;
    let d = ((v - h) / (1.0 - h)).max(1e-4);
    let (z, x) = (1.0 / d, (u - 0.5) * ASPECT / d);
    let cell_px = bloom.size * d;
    let patches = fbm(x * 0.3, z * 0.3, scene.seed + 41, 4);
    Spot {
        z,
        x,
        cell: (
            (u - 0.5) * WIDTH as f32 / cell_px,
            d.ln() * (1.0 - h) * HEIGHT as f32 / bloom.size,
        ),
        cell_px,
        growth: smoothstep(0.3, 0.58, fade(patches, z)),
        side: sun_side(scene),
        shadow: 0.3 + 0.7 * (1.0 - sun_height(scene)),
        // Focused at mid-distance: the nearest plants blur.
        blur: 1.0 / cell_px + 0.16 * smoothstep(0.8, 1.0, v),
        resolved: smoothstep(2.0, 6.0, cell_px),
    }
}

/// Ground noise fades to its mean where its features would be smaller than a pixel.
fn fade(value: f32, z: f32) -> f32 {
    value + (0.5 - value) * smoothstep(12.0, 30.0, z)
}

/// Bare sand: grit, and gentle swells of the ground.
fn sand(scene: &Scene, bloom: &Bloom, spot: &Spot) -> [f32; 3] {
    let (p, q) = spot.cell;
    let detail = smoothstep(1.5, 6.0, spot.cell_px);
    let grit = fbm(p * 2.3 + q * 0.9, q * 2.3 - p * 0.9, scene.seed + 60, 4) - 0.5;
    let swell = fade(fbm(spot.x * 0.1, spot.z * 0.1, scene.seed + 61, 3), spot.z) - 0.5;
    let tone = fade(fbm(spot.x * 0.6, spot.z * 0.6, scene.seed + 62, 3), spot.z);
    let pale = mix(bloom.sand, [0.86, 0.80, 0.70], 0.35);
    let sand = mix(bloom.sand, pale, smoothstep(0.4, 0.65, tone));
    let sand = scale(sand, 1.0 + 0.3 * grit * detail + 0.1 * swell);
    match pebble(scene, spot) {
        Some((shade, cover)) => mix(sand, scale(sand, shade), cover * detail),
        None => sand,
    }
}

/// A small stone on the sand, if one lies here: its shade and coverage.
fn pebble(scene: &Scene, spot: &Spot) -> Option<(f32, f32)> {
    let (p, q) = (spot.cell.0 * 5.0, spot.cell.1 * 5.0);
    let seed = scene.seed + 80;
    let j = q.floor() as i32;
    let shift = hash(1, j, seed);
    let i = (p - shift).floor() as i32;
    if hash(i, j, seed + 1) > 0.12 {
        return None;
    }
    let centre = (
        i as f32 + shift + 0.4 + 0.2 * hash(i, j, seed + 2),
        j as f32 + 0.4 + 0.2 * hash(i, j, seed + 3),
    );
    let r = 0.12 + 0.2 * hash(i, j, seed + 4);
    let (dx, dy) = (p - centre.0, (q - centre.1) / 0.7);
    let blur = 5.0 * spot.blur;
    let cover = smoothstep(r + blur * 0.5, r - blur * 0.5, (dx * dx + dy * dy).sqrt());
    let lit = (-dy - spot.side * dx) / r;
    let shade = 0.6 + 0.5 * hash(i, j, seed + 5) + 0.2 * lit.clamp(-1.0, 1.0);
    (cover > 0.0).then_some((shade, cover))
}

/// The plants over `ground`, nearer rows painted over farther ones.
fn plants(scene: &Scene, bloom: &Bloom, spot: &Spot, ground: [f32; 3]) -> [f32; 3] {
    let mut c = unresolved(scene, bloom, spot, ground);
    if spot.resolved <= 0.0 {
        return c;
    }
    let cj = spot.cell.1.floor() as i32;
    for j in cj - 1..=cj + 1 {
        let shift = plant::row_shift(scene, j);
        let ci = (spot.cell.0 - shift).floor() as i32;
        for i in ci - 1..=ci + 1 {
            for k in 0..plant::PER_CELL {
                if let Some(plant) = Plant::at(scene, bloom, spot, (i, j, k), shift) {
                    c = plant.paint(scene, bloom, spot, c);
                }
            }
        }
    }
    c
}

/// The ground with the average colour of the plants too small to see on it.
fn unresolved(scene: &Scene, bloom: &Bloom, spot: &Spot, ground: [f32; 3]) -> [f32; 3] {
    let share = 1.0 - spot.resolved;
    if share <= 0.0 {
        return ground;
    }
    let plants = presence(bloom, spot) * plant::PER_CELL as f32;
    let n = bloom.colours.len().max(1) as f32;
    let mean = bloom.colours.iter().fold([0.0; 3], |a, c| {
        [a[0] + c[0] / n, a[1] + c[1] / n, a[2] + c[2] / n]
    });
    let local = colour(scene, bloom, (spot.x, spot.z), (0.0, 0.0));
    let flowers = mix(local, mean, smoothstep(12.0, 30.0, spot.z));
    let cover = plants * stand(spot).powi(2);
    let c = mix(
        ground,
        mix(LEAF_DARK, LEAF_LIGHT, 0.5),
        (0.35 * cover).min(0.85),
    );
    let c = mix(c, flowers, (0.14 * cover * bloom.density).min(0.6));
    mix(ground, c, share)
}

/// The chance of each of a cell's plants here.
fn presence(bloom: &Bloom, spot: &Spot) -> f32 {
    spot.growth * (0.45 + 0.55 * bloom.green) * (1.0 - 0.3 / spot.z)
}

/// How much larger than their footprint plants look: seen at a grazing angle, their height
/// hides more of the ground the farther they are.
fn stand(spot: &Spot) -> f32 {
    1.0 + 0.4 * (1.0 - 1.0 / spot.z)
}

/// The flower colour at ground position `(x, z)`: flowers of one kind grow together, so the
/// colour of a patch is mostly one; `chance.0` decides whether this flower is of the patch's
/// kind, `chance.1` which it is when not.
fn colour(scene: &Scene, bloom: &Bloom, (x, z): (f32, f32), chance: (f32, f32)) -> [f32; 3] {
    let field = noise(x * 0.45 + 17.0, z * 0.45, scene.seed + 506);
    let common = ((field - 0.5) * 2.4 + 0.5).clamp(0.0, 1.0);
    let pick = if chance.0 < 0.75 { common } else { chance.1 };
    let n = bloom.colours.len();
    let index = ((pick * n as f32) as usize).min(n.saturating_sub(1));
    bloom.colours.get(index).copied().unwrap_or([0.8, 0.8, 0.8])
}

/// Ground position of plant-cell coordinates (the inverse of `spot`'s mapping).
fn ground_of(scene: &Scene, bloom: &Bloom, (p, q): (f32, f32)) -> (f32, f32) {
    let d = (q * bloom.size / ((1.0 - scene.horizon) * HEIGHT as f32)).exp();
    (p * bloom.size * ASPECT / WIDTH as f32, 1.0 / d.max(1e-4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photos::scenes::SCENES;

    #[test]
    fn cells_shrink_toward_the_horizon_and_map_back_to_the_ground() {
        for scene in SCENES.iter() {
            let Some(b) = scene.bloom else { continue };
            let mut last = f32::MAX;
            for v in [
                0.99,
                0.9,
                0.8,
                0.7,
                scene.horizon + 0.05,
                scene.horizon + 0.01,
            ] {
                for u in [0.1, 0.5, 0.93] {
                    let s = spot(scene, &b, u, v);
                    let (x, z) = ground_of(scene, &b, s.cell);
                    assert!(
                        (x - s.x).abs() < 1e-3 * s.z && (z - s.z).abs() < 1e-3 * s.z,
                        "{} {u} {v}",
                        scene.name
                    );
                }
                let px = spot(scene, &b, 0.5, v).cell_px;
                assert!(px < last, "{}: {px} px at {v}", scene.name);
                last = px;
            }
        }
    }
}

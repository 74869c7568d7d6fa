//! Sandstone massifs standing on a desert plain, at three distances: domed tops and steep walls,
//! lit from the sun's side, with bedding planes, vertical joints, dark streaks of desert varnish,
//! paler caps and sand banked against their feet, paler with distance.

use super::noise::{fbm, mix, noise, scale, smoothstep, tint};
use super::scenes::{Sandstone, Scene};

pub const LAYERS: usize = 3;

/// How far each massif stands, in the plain's units (the bottom edge of the picture is at 1),
/// farthest first, and how large its features look from here.
const DISTANCE: [f32; LAYERS] = [60.0, 30.0, 14.0];
const SIZE: [f32; LAYERS] = [0.42, 0.66, 1.0];

/// One massif in one column of pixels (0 top, 1 bottom); `top == foot` where there is none.
#[derive(Clone, Copy)]
pub struct Massif {
    pub top: f32,
    pub foot: f32,
    /// Which way the rock faces here: -1 left, 1 right, 0 toward the camera.
    pub facing: f32,
}

/// The three massifs (farthest first) above horizontal position `u`.
pub fn profile(scene: &Scene, stone: &Sandstone, u: f32) -> [Massif; LAYERS] {
    [0, 1, 2].map(|layer| {
        let s = SIZE[layer];
        let seed = scene.seed + 19 * layer as u32;
        let l = layer as f32;
        // A massif where low-frequency noise passes a threshold: steep walls where it
        // crosses, rounded domes along the top.
        let body_at = |u: f32| fbm(u * 1.2 / s + l * 3.7, l * 5.3, seed, 5);
        let m = body_at(u);
        let facing = (-2.5 * (body_at(u + 0.002) - body_at(u - 0.002)) / 0.004).clamp(-1.0, 1.0);
        let threshold = 0.62 - 0.24 * stone.cover;
        let body = smoothstep(threshold, threshold + 0.025, m);
        let rise = smoothstep(0.0, 0.1, m - threshold);
        let domes = fbm(u * 9.0 / s, l * 1.7 + 0.5, seed + 5, 2);
        let rough = fbm(u * 80.0 / s, l * 2.1, seed + 7, 3) - 0.5;
        let swing = fbm(u * 3.0 / s, l * 0.9 + 2.0, seed + 6, 2) - 0.5;
        let shape = 0.45 + 0.3 * rise + 0.5 * (domes - 0.3) + 0.5 * swing + 0.06 * rough;
        let height = stone.height * s * body * shape;
        let foot =
            ground_line(scene, layer) + 0.004 * s * (fbm(u * 25.0 / s, l, seed + 8, 3) - 0.5);
        Massif {
            top: foot - height.max(0.0),
            foot,
            facing,
        }
    })
}

/// Where the plain at a massif's distance lies in the picture.
fn ground_line(scene: &Scene, layer: usize) -> f32 {
    scene.horizon + (1.0 - scene.horizon) / DISTANCE[layer]
}

/// Aerial perspective: how much of the horizon's colour the air adds at `distance`.
pub fn haze(distance: f32) -> f32 {
    0.55 * (1.0 - (-distance / 30.0).exp())
}

/// The light falling on the land: the scene's exposure, warmed by the colour low in the sky.
pub fn daylight(scene: &Scene) -> [f32; 3] {
    let exposure = scene.bloom.map_or(1.0, |b| b.light);
    scale(mix([1.0, 1.0, 1.0], scene.sky_low, 0.35), exposure)
}

/// -1 when the sun shines from the left, 1 from the right.
pub fn sun_side(scene: &Scene) -> f32 {
    if scene.sun.0 < 0.5 {
        -1.0
    } else {
        1.0
    }
}

/// How high the sun stands: 0 on the horizon, 1 at the top of the picture or above.
pub fn sun_height(scene: &Scene) -> f32 {
    ((scene.horizon - scene.sun.1) / scene.horizon).clamp(0.0, 1.0)
}

/// The rock of massif `layer` at a pixel it covers.
pub fn rock(scene: &Scene, layer: usize, m: &Massif, u: f32, v: f32) -> [f32; 3] {
    let s = SIZE[layer];
    let seed = scene.seed + 300 + 11 * layer as u32;
    // 0 at the foot of the wall, 1 at its top.
    let up = ((m.foot - v) / (m.foot - m.top).max(1e-4)).clamp(0.0, 1.0);
    let bedding = fbm(u * 2.0 / s, v * 140.0 / s, seed + 1, 3) - 0.5;
    let streaks = fbm(u * 200.0 / s, v * 4.0 / s, seed + 2, 3);
    let varnish = smoothstep(0.6, 0.82, streaks) * (0.2 + 0.8 * up);
    // Vertical joints, wandering a little on their way down.
    let wander = 0.15 * noise(u * 3.0 / s, v * 4.0 / s, seed + 6);
    let joint = (fbm(u * 18.0 / s + wander, 0.5, seed + 5, 2) - 0.5).abs();
    let cracks =
        smoothstep(0.02, 0.0, joint) * (0.4 + 0.6 * noise(u * 18.0 / s, v * 6.0 / s, seed + 7));
    let grit = fbm(u * 600.0 / s, v * 900.0 / s, seed + 3, 3) - 0.5;
    // Domes catch the light from above; a face turned to the sun more of it from the side.
    let crown = 0.25 * sun_height(scene) * smoothstep(0.8, 1.0, up);
    let turned = 1.0 + 0.3 * m.facing * sun_side(scene);
    let light = face_light(scene, s, seed, u, v) * turned + crown;
    let k = light * (1.0 - 0.5 * cracks) * (1.0 + 0.3 * bedding) * (1.0 + 0.2 * grit);
    // Paler sandstone caps the darker red beds below it.
    let cap = smoothstep(0.55, 0.7, up + 0.12 * (bedding + streaks - 0.5));
    let stone = mix(scene.land, [0.80, 0.66, 0.52], 0.55 * cap);
    let stone = mix(stone, [0.22, 0.12, 0.08], 0.45 * varnish);
    let lit = tint(scale(stone, k), daylight(scene));
    let sand = scene.bloom.map_or(scene.land, |b| b.sand);
    let banked = smoothstep(0.05, 0.01, up - 0.04 * (streaks - 0.5));
    let c = mix(lit, tint(sand, daylight(scene)), 0.85 * banked);
    mix(c, scene.sky_low, haze(DISTANCE[layer]))
}

/// The light on a rock face: the face as a relief of broad buttresses and vertical fluting,
/// lit from the sun's side and height, with the sky's light in the shadows.
fn face_light(scene: &Scene, s: f32, seed: u32, u: f32, v: f32) -> f32 {
    let relief = |u: f32, v: f32| {
        0.6 * fbm(u * 4.0 / s, v * 2.0 / s, seed, 3)
            + 0.4 * fbm(u * 24.0 / s, v * 6.0 / s, seed + 4, 2)
    };
    let e = 0.0015 * s;
    let here = relief(u, v);
    let gx = 0.15 * (relief(u + e, v) - here) / e;
    let gy = 0.15 * (relief(u, v + e) - here) / e;
    let height = sun_height(scene);
    let sun = [sun_side(scene) * (1.0 - 0.6 * height), -height, 0.6];
    let normal = [-gx, -gy, 1.0];
    let dot = normal.iter().zip(sun).map(|(n, l)| n * l).sum::<f32>();
    let length =
        (normal.iter().map(|n| n * n).sum::<f32>() * sun.iter().map(|l| l * l).sum::<f32>()).sqrt();
    0.5 + 0.65 * (dot / length).max(0.0)
}

//! Paints one scene: sky and clouds with the sun's glow, water mirroring the sky, the relief
//! (hills or sandstone), an optional plain in flower, then what the camera adds (grain,
//! vignette, tone curve).

use super::bloom;
use super::noise::{fbm, hash, mix};
use super::sandstone::{self, Massif};
use super::scenes::{Relief, Scene};
use super::{HEIGHT, WIDTH};
use image::{Rgb, RgbImage};

/// What stands against the sky, worked out once per column of pixels.
enum Profiles {
    /// The top of each of the four hill ranges, farthest first.
    Hills(Vec<[f32; 4]>),
    /// Each massif's top and foot, farthest first.
    Sandstone(Vec<[Massif; sandstone::LAYERS]>),
}

pub fn render(scene: &Scene) -> RgbImage {
    let w = WIDTH as f32;
    let columns = (0..WIDTH).map(|px| px as f32 / w);
    let profiles = match &scene.relief {
        Relief::Hills => Profiles::Hills(
            columns
                .map(|u| [0, 1, 2, 3].map(|layer| ridge(scene, layer, u)))
                .collect(),
        ),
        Relief::Sandstone(stone) => Profiles::Sandstone(
            columns
                .map(|u| sandstone::profile(scene, stone, u))
                .collect(),
        ),
    };
    RgbImage::from_fn(WIDTH, HEIGHT, |px, py| {
        let (u, v) = (px as f32 / w, py as f32 / HEIGHT as f32);
        let c = land(scene, &profiles, px as usize, u, v).unwrap_or_else(|| backdrop(scene, u, v));
        finish(scene, c, px, py, u, v)
    })
}

/// The relief or the plain at a pixel, nearest first; `None` where the sky or water shows.
fn land(scene: &Scene, profiles: &Profiles, px: usize, u: f32, v: f32) -> Option<[f32; 3]> {
    match profiles {
        Profiles::Hills(tops) => {
            let near_plain = scene.bloom.filter(|_| v > scene.horizon);
            if let Some(b) = near_plain {
                return Some(bloom::plain(scene, &b, u, v));
            }
            let tops = tops.get(px)?;
            (0..4u32)
                .rev()
                .find(|&layer| v > tops[layer as usize] && v <= hills_bottom(scene))
                .map(|layer| hill(scene, layer, tops[layer as usize], u, v))
        }
        Profiles::Sandstone(massifs) => {
            let column = massifs.get(px)?;
            if let Some((layer, m)) = column
                .iter()
                .enumerate()
                .rev()
                .find(|(_, m)| v > m.top && v <= m.foot)
            {
                return Some(sandstone::rock(scene, layer, m, u, v));
            }
            match scene.bloom {
                Some(b) if v > scene.horizon => Some(bloom::plain(scene, &b, u, v)),
                _ => None,
            }
        }
    }
}

fn hills_bottom(scene: &Scene) -> f32 {
    if scene.water {
        scene.horizon
    } else {
        1.1
    }
}

/// The height (0 top, 1 bottom) of hill range `layer` at horizontal position `u`.
fn ridge(scene: &Scene, layer: u32, u: f32) -> f32 {
    let base = 0.42 + layer as f32 * 0.09;
    base - 0.16
        * fbm(
            u * (2.5 + layer as f32),
            layer as f32 * 7.3,
            scene.seed + layer * 17,
            6,
        )
}

/// Hill range `layer`, the farthest palest (aerial perspective).
fn hill(scene: &Scene, layer: u32, top: f32, u: f32, v: f32) -> [f32; 3] {
    let haze = 0.55 - layer as f32 * 0.17;
    let texture = fbm(u * 220.0, v * 220.0, scene.seed + layer * 3 + 1, 6);
    let light = 0.7 + 0.5 * (texture - 0.5) + 0.25 * (1.0 - (v - top) * 4.0).max(0.0);
    let ground = [
        scene.land[0] * light,
        scene.land[1] * light,
        scene.land[2] * light,
    ];
    mix(ground, scene.sky_low, haze.max(0.0))
}

/// The sky, or below the horizon of a scene with water, the sky mirrored in it.
fn backdrop(scene: &Scene, u: f32, v: f32) -> [f32; 3] {
    let horizon = scene.horizon;
    if scene.water && v > horizon {
        // Water: the sky mirrored, darkened, broken by ripples.
        let depth = (v - horizon) / (1.0 - horizon);
        let ripple = fbm(u * 60.0, v * 400.0, scene.seed + 9, 4) - 0.5;
        let mirrored =
            (2.0 * horizon - v + ripple * 0.03 * (1.0 + depth * 4.0)).clamp(0.0, horizon);
        let s = sky(scene, u, mirrored);
        mix(s, [0.05, 0.10, 0.14], 0.35 + depth * 0.4)
    } else {
        sky(scene, u, v)
    }
}

fn sky(scene: &Scene, u: f32, v: f32) -> [f32; 3] {
    let (su, sv) = scene.sun;
    let t = (v / scene.horizon).clamp(0.0, 1.0);
    let mut c = mix(scene.sky_top, scene.sky_low, t.powf(0.8));
    let d = ((u - su) * 1.5).hypot(v - sv);
    let glow = (-d * 9.0).exp() * 0.8 + if d < 0.025 { 1.0 } else { 0.0 };
    // Clouds: stretched fractal noise, thicker away from the sun.
    let cloud = (fbm(u * 4.0, v * 14.0, scene.seed + 5, 7) - 0.52).max(0.0) * 2.2;
    for (ch, k) in c.iter_mut().zip([1.0, 0.92, 0.8]) {
        *ch += glow * k;
        *ch += (1.0 - *ch) * cloud * 0.7;
    }
    c
}

/// Sensor grain, a slight vignette and the tone curve, as a camera would record them.
fn finish(scene: &Scene, c: [f32; 3], px: u32, py: u32, u: f32, v: f32) -> Rgb<u8> {
    let grain = (hash(px as i32, py as i32, scene.seed + 77) - 0.5) * 0.06;
    let vignette = 1.0 - 0.28 * ((u - 0.5).powi(2) + (v - 0.5).powi(2)) * 2.0;
    let to8 =
        |x: f32| ((x * vignette + grain).clamp(0.0, 1.0).powf(1.0 / 1.1) * 255.0).round() as u8;
    Rgb([to8(c[0]), to8(c[1]), to8(c[2])])
}

//! Original demo photographs with a camera's weight (issue 15): landscapes rendered here from
//! seeded noise (sky, sun, ranges of hills, water with reflections, sensor grain), 3000 × 2000
//! JPEGs of a few MB each. Reproducible (same seed, same bytes), so they are made by
//! `make photos` rather than committed.

use image::{ImageEncoder, Rgb, RgbImage};
use std::path::Path;

pub const WIDTH: u32 = 3000;
pub const HEIGHT: u32 = 2000;

/// One scene's look.
#[derive(Clone, Copy)]
struct Scene {
    name: &'static str,
    seed: u32,
    sky_top: [f32; 3],
    sky_low: [f32; 3],
    land: [f32; 3],
    water: bool,
    sun: (f32, f32),
}

const SCENES: [Scene; 8] = [
    Scene {
        name: "harbour-dawn",
        seed: 11,
        sky_top: [0.20, 0.28, 0.52],
        sky_low: [0.98, 0.72, 0.48],
        land: [0.16, 0.20, 0.18],
        water: true,
        sun: (0.68, 0.52),
    },
    Scene {
        name: "delta-fields",
        seed: 23,
        sky_top: [0.32, 0.52, 0.80],
        sky_low: [0.82, 0.88, 0.92],
        land: [0.30, 0.46, 0.20],
        water: true,
        sun: (0.22, 0.18),
    },
    Scene {
        name: "highland-ridge",
        seed: 37,
        sky_top: [0.38, 0.50, 0.66],
        sky_low: [0.86, 0.84, 0.80],
        land: [0.34, 0.30, 0.24],
        water: false,
        sun: (0.80, 0.22),
    },
    Scene {
        name: "desert-evening",
        seed: 41,
        sky_top: [0.30, 0.22, 0.40],
        sky_low: [0.98, 0.58, 0.30],
        land: [0.62, 0.42, 0.26],
        water: false,
        sun: (0.40, 0.56),
    },
    Scene {
        name: "lake-morning",
        seed: 53,
        sky_top: [0.44, 0.60, 0.78],
        sky_low: [0.94, 0.90, 0.80],
        land: [0.20, 0.32, 0.22],
        water: true,
        sun: (0.55, 0.30),
    },
    Scene {
        name: "coast-storm",
        seed: 67,
        sky_top: [0.22, 0.24, 0.28],
        sky_low: [0.56, 0.58, 0.60],
        land: [0.18, 0.20, 0.20],
        water: true,
        sun: (0.15, 0.35),
    },
    Scene {
        name: "valley-autumn",
        seed: 79,
        sky_top: [0.36, 0.56, 0.82],
        sky_low: [0.90, 0.90, 0.86],
        land: [0.56, 0.34, 0.14],
        water: false,
        sun: (0.70, 0.15),
    },
    Scene {
        name: "tundra-noon",
        seed: 97,
        sky_top: [0.50, 0.66, 0.86],
        sky_low: [0.92, 0.94, 0.96],
        land: [0.70, 0.72, 0.70],
        water: false,
        sun: (0.50, 0.10),
    },
];

fn hash(x: i32, y: i32, seed: u32) -> f32 {
    let mut h = (x as u32).wrapping_mul(0x27d4_eb2d)
        ^ (y as u32).wrapping_mul(0x1656_67b1)
        ^ seed.wrapping_mul(0x9e37_79b9);
    h ^= h >> 15;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    (h & 0x00ff_ffff) as f32 / 16_777_215.0
}

fn smooth(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

/// Value noise in [0, 1].
fn noise(x: f32, y: f32, seed: u32) -> f32 {
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (smooth(x - x0), smooth(y - y0));
    let (ix, iy) = (x0 as i32, y0 as i32);
    let a = hash(ix, iy, seed);
    let b = hash(ix + 1, iy, seed);
    let c = hash(ix, iy + 1, seed);
    let d = hash(ix + 1, iy + 1, seed);
    let top = a + (b - a) * fx;
    let bottom = c + (d - c) * fx;
    top + (bottom - top) * fy
}

/// Fractal noise: `octaves` layers of value noise, each twice as fine and half as strong.
fn fbm(x: f32, y: f32, seed: u32, octaves: u32) -> f32 {
    let (mut sum, mut amp, mut freq, mut norm) = (0.0, 0.5, 1.0, 0.0);
    for o in 0..octaves {
        sum += amp * noise(x * freq, y * freq, seed.wrapping_add(o * 131));
        norm += amp;
        amp *= 0.5;
        freq *= 2.0;
    }
    sum / norm
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
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

fn render(scene: &Scene) -> RgbImage {
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    let horizon = 0.66;
    RgbImage::from_fn(WIDTH, HEIGHT, |px, py| {
        let (u, v) = (px as f32 / w, py as f32 / h);
        let (su, sv) = scene.sun;
        let sky = |v: f32| {
            let t = (v / horizon).clamp(0.0, 1.0);
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
        };
        let mut c = if scene.water && v > horizon {
            // Water: the sky mirrored, darkened, broken by ripples.
            let depth = (v - horizon) / (1.0 - horizon);
            let ripple = fbm(u * 60.0, v * 400.0, scene.seed + 9, 4) - 0.5;
            let mirrored =
                (2.0 * horizon - v + ripple * 0.03 * (1.0 + depth * 4.0)).clamp(0.0, horizon);
            let s = sky(mirrored);
            mix(s, [0.05, 0.10, 0.14], 0.35 + depth * 0.4)
        } else {
            sky(v)
        };
        // Ranges of hills, the farthest palest (aerial perspective).
        for layer in 0..4 {
            let top = ridge(scene, layer, u);
            let bottom = if scene.water { horizon } else { 1.1 };
            if v > top && v <= bottom {
                let haze = 0.55 - layer as f32 * 0.17;
                let texture = fbm(u * 220.0, v * 220.0, scene.seed + layer * 3 + 1, 6);
                let light = 0.7 + 0.5 * (texture - 0.5) + 0.25 * (1.0 - (v - top) * 4.0).max(0.0);
                let ground = [
                    scene.land[0] * light,
                    scene.land[1] * light,
                    scene.land[2] * light,
                ];
                c = mix(ground, scene.sky_low, haze.max(0.0));
            }
        }
        // Sensor grain and a slight vignette, as a camera would record them.
        let grain = (hash(px as i32, py as i32, scene.seed + 77) - 0.5) * 0.06;
        let vignette = 1.0 - 0.28 * ((u - 0.5).powi(2) + (v - 0.5).powi(2)) * 2.0;
        let to8 =
            |x: f32| ((x * vignette + grain).clamp(0.0, 1.0).powf(1.0 / 1.1) * 255.0).round() as u8;
        Rgb([to8(c[0]), to8(c[1]), to8(c[2])])
    })
}

/// `newsfront-content photos <out-dir>`: writes every scene missing from `out` (a scene already
/// there is kept: they are reproducible, so a file present is the same file).
pub fn run(out: &Path) -> Result<(), String> {
    use rayon::prelude::*;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let started = std::time::Instant::now();
    let made: Vec<Result<Option<u64>, String>> = SCENES
        .par_iter()
        .map(|scene| {
            let path = out.join(format!("{}.jpg", scene.name));
            if path.is_file() {
                return Ok(None);
            }
            let img = render(scene);
            let mut bytes = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95)
                .write_image(img.as_raw(), WIDTH, HEIGHT, image::ExtendedColorType::Rgb8)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            crate::images::write_whole(&path, &bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(Some(bytes.len() as u64))
        })
        .collect();
    let mut written = Vec::new();
    for r in made {
        if let Some(bytes) = r? {
            written.push(bytes);
        }
    }
    println!(
        "photos: {} written ({:.1} MB), {} already there, in {:.1} s, into {}",
        written.len(),
        written.iter().sum::<u64>() as f64 / 1e6,
        SCENES.len() - written.len(),
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

//! The table of scenes: each photograph is one row of data, painted by `render`.

/// One scene's look.
#[derive(Clone, Copy)]
pub struct Scene {
    pub name: &'static str,
    pub seed: u32,
    pub sky_top: [f32; 3],
    pub sky_low: [f32; 3],
    /// The hills' ground, or the sandstone's rock.
    pub land: [f32; 3],
    /// The line where land or water meets the sky (0 top, 1 bottom).
    pub horizon: f32,
    pub water: bool,
    pub sun: (f32, f32),
    pub relief: Relief,
    /// A plain of wildflowers in the foreground.
    pub bloom: Option<Bloom>,
}

/// What rises against the sky.
#[derive(Clone, Copy)]
pub enum Relief {
    /// Four ranges of rolling hills in aerial perspective.
    Hills,
    /// Sandstone massifs standing on a plain, at three distances (the plain is the scene's
    /// `bloom`: without one, sky shows below the horizon).
    Sandstone(Sandstone),
}

#[derive(Clone, Copy)]
pub struct Sandstone {
    /// About how much of the skyline the rock takes (0 to 1).
    pub cover: f32,
    /// The nearest massif's height, as a share of the picture's height.
    pub height: f32,
}

/// A sandy plain in flower, seen in perspective down to the bottom edge.
#[derive(Clone, Copy)]
pub struct Bloom {
    pub sand: [f32; 3],
    /// The flowers' colours: a colour named twice is twice as common.
    pub colours: &'static [[f32; 3]],
    /// The spacing of the flowers at the bottom edge, in pixels (they shrink with distance).
    pub size: f32,
    /// How freely the plants flower (0 to 1): the chance of a plant's first flower (of three).
    pub density: f32,
    /// How leafy the plain is (0 to 1): more and larger plants where they grow.
    pub green: f32,
    /// The exposure of the land (1: as the table's colours).
    pub light: f32,
    /// How dark the shadows of passing clouds fall on the plain (0: none).
    pub shadows: f32,
}

const PURPLE: [f32; 3] = [0.50, 0.28, 0.66];
const VIOLET: [f32; 3] = [0.40, 0.22, 0.60];
const YELLOW: [f32; 3] = [0.96, 0.78, 0.20];
const WHITE: [f32; 3] = [0.94, 0.92, 0.86];
const MAGENTA: [f32; 3] = [0.80, 0.32, 0.54];
const SAND: [f32; 3] = [0.80, 0.60, 0.42];

const fn hills(
    name: &'static str,
    seed: u32,
    sky: ([f32; 3], [f32; 3]),
    land: [f32; 3],
    water: bool,
    sun: (f32, f32),
) -> Scene {
    Scene {
        name,
        seed,
        sky_top: sky.0,
        sky_low: sky.1,
        land,
        horizon: 0.66,
        water,
        sun,
        relief: Relief::Hills,
        bloom: None,
    }
}

pub const SCENES: [Scene; 13] = [
    hills(
        "harbour-dawn",
        11,
        ([0.20, 0.28, 0.52], [0.98, 0.72, 0.48]),
        [0.16, 0.20, 0.18],
        true,
        (0.68, 0.52),
    ),
    hills(
        "delta-fields",
        23,
        ([0.32, 0.52, 0.80], [0.82, 0.88, 0.92]),
        [0.30, 0.46, 0.20],
        true,
        (0.22, 0.18),
    ),
    hills(
        "highland-ridge",
        37,
        ([0.38, 0.50, 0.66], [0.86, 0.84, 0.80]),
        [0.34, 0.30, 0.24],
        false,
        (0.80, 0.22),
    ),
    hills(
        "desert-evening",
        41,
        ([0.30, 0.22, 0.40], [0.98, 0.58, 0.30]),
        [0.62, 0.42, 0.26],
        false,
        (0.40, 0.56),
    ),
    hills(
        "lake-morning",
        53,
        ([0.44, 0.60, 0.78], [0.94, 0.90, 0.80]),
        [0.20, 0.32, 0.22],
        true,
        (0.55, 0.30),
    ),
    hills(
        "coast-storm",
        67,
        ([0.22, 0.24, 0.28], [0.56, 0.58, 0.60]),
        [0.18, 0.20, 0.20],
        true,
        (0.15, 0.35),
    ),
    hills(
        "valley-autumn",
        79,
        ([0.36, 0.56, 0.82], [0.90, 0.90, 0.86]),
        [0.56, 0.34, 0.14],
        false,
        (0.70, 0.15),
    ),
    hills(
        "tundra-noon",
        97,
        ([0.50, 0.66, 0.86], [0.92, 0.94, 0.96]),
        [0.70, 0.72, 0.70],
        false,
        (0.50, 0.10),
    ),
    // Morning: purple and yellow flowers on a plain below red sandstone cliffs.
    Scene {
        name: "desert-bloom-1",
        seed: 103,
        sky_top: [0.34, 0.52, 0.80],
        sky_low: [0.90, 0.86, 0.78],
        land: [0.66, 0.36, 0.22],
        horizon: 0.56,
        water: false,
        sun: (0.18, 0.16),
        relief: Relief::Sandstone(Sandstone {
            cover: 0.6,
            height: 0.24,
        }),
        bloom: Some(Bloom {
            sand: SAND,
            colours: &[PURPLE, YELLOW, VIOLET],
            size: 110.0,
            density: 0.85,
            green: 0.5,
            light: 1.0,
            shadows: 0.0,
        }),
    },
    // Noon: a wide plain in patchy bloom running to a low, distant plateau.
    Scene {
        name: "desert-bloom-2",
        seed: 113,
        sky_top: [0.28, 0.48, 0.82],
        sky_low: [0.86, 0.88, 0.90],
        land: [0.70, 0.44, 0.28],
        horizon: 0.50,
        water: false,
        sun: (0.62, -0.25),
        relief: Relief::Sandstone(Sandstone {
            cover: 0.45,
            height: 0.12,
        }),
        bloom: Some(Bloom {
            sand: SAND,
            colours: &[YELLOW, YELLOW, PURPLE],
            size: 80.0,
            density: 0.9,
            green: 0.4,
            light: 1.05,
            shadows: 0.35,
        }),
    },
    // Soft, clouded light: green grazing ground with sparse white and purple flowers.
    Scene {
        name: "desert-bloom-3",
        seed: 127,
        sky_top: [0.46, 0.52, 0.60],
        sky_low: [0.80, 0.80, 0.78],
        land: [0.58, 0.38, 0.28],
        horizon: 0.54,
        water: false,
        sun: (0.75, -0.30),
        relief: Relief::Sandstone(Sandstone {
            cover: 0.55,
            height: 0.20,
        }),
        bloom: Some(Bloom {
            sand: SAND,
            colours: &[WHITE, PURPLE],
            size: 56.0,
            density: 0.35,
            green: 0.85,
            light: 0.85,
            shadows: 0.25,
        }),
    },
    // Close to the ground: white and yellow flowers large in the foreground.
    Scene {
        name: "desert-bloom-4",
        seed: 131,
        sky_top: [0.30, 0.50, 0.80],
        sky_low: [0.88, 0.86, 0.80],
        land: [0.68, 0.40, 0.26],
        horizon: 0.44,
        water: false,
        sun: (0.25, -0.2),
        relief: Relief::Sandstone(Sandstone {
            cover: 0.5,
            height: 0.10,
        }),
        bloom: Some(Bloom {
            sand: SAND,
            colours: &[WHITE, YELLOW, WHITE],
            size: 150.0,
            density: 0.8,
            green: 0.6,
            light: 1.0,
            shadows: 0.0,
        }),
    },
    // Sunset: low warm light on the rock, magenta and purple flowers in the foreground.
    Scene {
        name: "desert-bloom-5",
        seed: 149,
        sky_top: [0.32, 0.30, 0.52],
        sky_low: [0.98, 0.64, 0.38],
        land: [0.74, 0.38, 0.22],
        horizon: 0.58,
        water: false,
        sun: (-0.15, 0.45),
        relief: Relief::Sandstone(Sandstone {
            cover: 0.45,
            height: 0.2,
        }),
        bloom: Some(Bloom {
            sand: SAND,
            colours: &[MAGENTA, PURPLE, YELLOW],
            size: 70.0,
            density: 0.75,
            green: 0.5,
            light: 0.8,
            shadows: 0.0,
        }),
    },
];

//! One plant of the plain: a ragged rosette of leaves with its shadow on the sand, and up to
//! three flowers held above it, each with petals and a heart when near enough to show them.

use super::{colour, ground_of, Spot, LEAF_DARK, LEAF_LIGHT};
use crate::photos::noise::{fbm, hash, mix, noise, scale, smoothstep};
use crate::photos::scenes::{Bloom, Scene};
use std::f32::consts::TAU;

/// Plants a cell may hold (each placed anywhere in it, so they do not line up).
pub const PER_CELL: u32 = 2;
/// Plants seen from above at a slant: this much as tall as they are wide.
const SQUASH: f32 = 0.72;
/// The chance of a first, second and third flower, times the scene's density.
const HEADS: [f32; 3] = [1.0, 0.8, 0.6];

/// Each row of cells is shifted sideways by its own amount, so that the columns of cells
/// (which run toward the vanishing point) do not show as rays.
pub fn row_shift(scene: &Scene, j: i32) -> f32 {
    hash(0, j, scene.seed + 499)
}

pub struct Plant {
    cell: (i32, i32),
    seed: u32,
    alive: f32,
    centre: (f32, f32),
    leaves: f32,
}

impl Plant {
    /// Plant `k` of cell `(i, j)` in a row shifted by `shift`, if it grows here.
    pub fn at(
        scene: &Scene,
        bloom: &Bloom,
        spot: &Spot,
        (i, j, k): (i32, i32, u32),
        shift: f32,
    ) -> Option<Plant> {
        let seed = scene.seed + 500 + 40 * k;
        let chance = hash(i, j, seed);
        let alive = smoothstep(chance - 0.01, chance + 0.01, super::presence(bloom, spot));
        if alive <= 0.0 {
            return None;
        }
        Some(Plant {
            cell: (i, j),
            seed,
            alive,
            centre: (
                i as f32 + shift + hash(i, j, seed + 1),
                j as f32 + hash(i, j, seed + 2),
            ),
            leaves: (0.26 + 0.24 * hash(i, j, seed + 3))
                * (0.6 + 0.4 * bloom.green)
                * super::stand(spot),
        })
    }

    fn h(&self, k: u32) -> f32 {
        hash(self.cell.0, self.cell.1, self.seed + k)
    }

    /// `c` with this plant's shadow, leaves and flowers over it.
    pub fn paint(&self, scene: &Scene, bloom: &Bloom, spot: &Spot, c: [f32; 3]) -> [f32; 3] {
        let at = (
            spot.cell.0 - self.centre.0,
            (spot.cell.1 - self.centre.1) / SQUASH,
        );
        let r = self.leaves;
        if at.0 * at.0 + at.1 * at.1 > (1.5 * r + 0.22 + spot.blur).powi(2) {
            return c;
        }
        let weight = self.alive * spot.resolved;
        // The shadow falls away from the sun, onto the sand behind and beside the plant.
        let (sx, sy) = (at.0 + spot.side * spot.shadow * r, at.1 - 0.3 * r);
        let shade = disc((sx, sy), 1.1 * r, spot.blur + 0.15 * r);
        let mut c = mix(c, scale(c, 0.55), 0.55 * shade * weight);
        c = self.rosette(spot, at, weight, c);
        for (m, chance) in (0u32..).zip(HEADS) {
            if self.h(20 + m) < bloom.density * chance {
                c = self.flower(scene, bloom, spot, at, m, c);
            }
        }
        c
    }

    /// The leaves: a ragged rosette, lit on the sun's side; near, lacy with the gaps between
    /// leaves and stems.
    fn rosette(&self, spot: &Spot, (dx, dy): (f32, f32), weight: f32, c: [f32; 3]) -> [f32; 3] {
        let r = self.leaves;
        let dist = (dx * dx + dy * dy).sqrt().max(1e-6);
        // The outline: noise around the rim, continuous all the way round.
        let rim = noise(
            dx / dist * 2.2 + 50.0 * self.h(11),
            dy / dist * 2.2,
            self.seed + 61,
        );
        let edge = r * (0.7 + 0.6 * rim);
        let mut leaf = disc((dx, dy), edge, spot.blur) * weight;
        if leaf <= 0.0 {
            return c;
        }
        let mut texture = 1.0;
        if r * spot.cell_px > 6.0 {
            let (p, q) = spot.cell;
            let lace = fbm(p * 7.0, q * 5.0, self.seed + 60, 3);
            leaf *= smoothstep(0.36, 0.44, lace + 0.15 * (1.0 - dist / edge));
            texture = 0.7 + 0.6 * lace;
        }
        let lit = 0.75 + 0.4 * (-dy - spot.side * 0.6 * dx) / r;
        let green = mix(LEAF_DARK, LEAF_LIGHT, self.h(13));
        mix(c, scale(green, lit.clamp(0.45, 1.3) * texture), leaf)
    }

    /// Flower `m`, held above the leaves.
    fn flower(
        &self,
        scene: &Scene,
        bloom: &Bloom,
        spot: &Spot,
        (dx, dy): (f32, f32),
        m: u32,
        c: [f32; 3],
    ) -> [f32; 3] {
        let a = TAU * self.h(30 + m);
        let spread = self.leaves * (0.2 + 0.4 * self.h(33 + m));
        let (fx, fy) = (
            dx - spread * a.cos(),
            dy - spread * 0.6 * a.sin() + 0.35 * self.leaves,
        );
        let r = (0.11 + 0.11 * self.h(36 + m)) * super::stand(spot);
        let near = r * spot.cell_px >= 3.0;
        let edge = if near {
            let petals = 5.0 + (self.h(39 + m) * 3.0).floor();
            r * (1.0 + 0.16 * (petals * fy.atan2(fx) + TAU * self.h(42 + m)).cos())
        } else {
            r
        };
        let alpha = disc((fx, fy), edge, spot.blur) * self.alive * spot.resolved;
        if alpha <= 0.0 {
            return c;
        }
        let (nx, ny) = (fx / edge, fy / edge);
        let rho = (nx * nx + ny * ny).sqrt();
        let dome = 0.8 + 0.3 * (1.0 - rho * rho).max(0.0);
        let light =
            (dome + 0.12 * (spot.side * nx - ny).clamp(-1.0, 1.0)) * (0.85 + 0.3 * self.h(45 + m));
        let heart = if near {
            smoothstep(0.32, 0.2, rho)
        } else {
            0.0
        };
        let place = ground_of(scene, bloom, self.centre);
        let base = colour(scene, bloom, place, (self.h(48 + m), self.h(51 + m)));
        mix(
            c,
            scale(mix(base, [0.62, 0.42, 0.08], heart * 0.75), light),
            alpha,
        )
    }
}

/// Coverage of a soft disc of radius `r` at `(dx, dy)` from its centre, edges `blur` wide.
fn disc((dx, dy): (f32, f32), r: f32, blur: f32) -> f32 {
    smoothstep(r + blur * 0.5, r - blur * 0.5, (dx * dx + dy * dy).sqrt())
}

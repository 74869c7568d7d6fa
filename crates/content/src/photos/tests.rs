use super::*;

fn temp_dirs(name: &str, n: usize) -> Vec<PathBuf> {
    let root = std::env::temp_dir().join(format!("newsfront-photos-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    (0..n)
        .map(|i| {
            let dir = root.join(i.to_string());
            std::fs::create_dir_all(&dir).expect("temp dir");
            dir
        })
        .collect()
}

#[test]
fn a_photo_is_rendered_only_when_no_folder_has_it() {
    let dirs = temp_dirs("plan", 3);
    let file = "x.jpg";
    let all: Vec<PathBuf> = dirs.iter().map(|d| d.join(file)).collect();
    assert_eq!(plan(file, &dirs), Fill::Render { to: all.clone() });
    std::fs::write(&all[1], b"photo").expect("write");
    let others = vec![all[0].clone(), all[2].clone()];
    assert_eq!(
        plan(file, &dirs),
        Fill::Copy {
            from: all[1].clone(),
            to: others
        }
    );
    for f in &all {
        std::fs::write(f, b"photo").expect("write");
    }
    assert_eq!(plan(file, &dirs), Fill::Present);
}

#[test]
fn fill_renders_once_then_copies_into_every_folder() {
    let dirs = temp_dirs("fill", 3);
    let mut calls = 0;
    let done = fill("a.jpg", &dirs, || {
        calls += 1;
        Ok(b"rendered".to_vec())
    });
    assert!(matches!(
        done,
        Ok(Done::Rendered {
            bytes: 8,
            copies: 2
        })
    ));
    assert_eq!(calls, 1);
    // A folder added later gets a copy; nothing is rendered again.
    let more = temp_dirs("fill-more", 1);
    let both = [dirs[0].clone(), more[0].clone()];
    let done = fill("a.jpg", &both, || Err("rendered again".into()));
    assert!(matches!(done, Ok(Done::Copied(1))));
    for dir in dirs.iter().chain(&more) {
        assert_eq!(std::fs::read(dir.join("a.jpg")).expect("copy"), b"rendered");
    }
    assert!(matches!(
        fill("a.jpg", &both, || Err("no".into())),
        Ok(Done::Present)
    ));
}

#[test]
fn scene_names_are_unique_file_names() {
    let mut names: Vec<&str> = SCENES.iter().map(|s| s.name).collect();
    assert!(names.iter().all(|n| !n.is_empty()
        && n.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), SCENES.len());
}

/// A bloom scene's plain is finite everywhere (its perspective divides by the distance to the
/// horizon) and the same on every call.
#[test]
fn plains_in_flower_are_finite_and_reproducible() {
    for scene in SCENES.iter() {
        let Some(b) = scene.bloom else { continue };
        assert!(!b.colours.is_empty(), "{}", scene.name);
        for step in 0..=40 {
            let v = scene.horizon + (1.0 - scene.horizon) * step as f32 / 40.0;
            for u in [0.0, 0.13, 0.5, 0.77, 0.999] {
                let c = bloom::plain(scene, &b, u, v);
                assert!(
                    c.iter().all(|x| x.is_finite() && (0.0..2.0).contains(x)),
                    "{} {u} {v}: {c:?}",
                    scene.name
                );
                assert_eq!(c, bloom::plain(scene, &b, u, v));
            }
        }
    }
}

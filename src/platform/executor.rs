//! Leptos's task executor in the browser: wasm-bindgen-futures, except that the tasks spawned
//! while the prerendered page hydrates (each effect's first run) start in the next main-thread
//! task. Hydration and the first effects are then two tasks instead of one long one: on the long
//! article, Lighthouse (4x CPU slowdown) saw a single 340–430 ms task, most of the page's Total
//! Blocking Time (docs/architecture.md).

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use std::cell::RefCell;

thread_local! {
    /// `Some` while hydrating: the tasks spawned meanwhile, in order.
    static HELD: RefCell<Option<Vec<PinnedLocalFuture<()>>>> = const { RefCell::new(None) };
}

struct Deferring;

impl CustomExecutor for Deferring {
    fn spawn(&self, fut: PinnedFuture<()>) {
        // One thread in the browser: a `Send` future runs like any other.
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        let now = HELD.with(|held| match held.borrow_mut().as_mut() {
            Some(queue) => {
                queue.push(fut);
                None
            }
            None => Some(fut),
        });
        if let Some(fut) = now {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }

    fn poll_local(&self) {}
}

/// Installs the executor (before `leptos::mount`, whose own would otherwise be used) and holds
/// back what is spawned until [`release`].
pub fn hold() {
    if Executor::init_custom_executor(Deferring).is_ok() {
        HELD.with(|held| *held.borrow_mut() = Some(Vec::new()));
    }
}

/// Starts the held tasks, in order, in a new main-thread task.
pub fn release() {
    crate::platform::idle::after_task(|| {
        let held = HELD.with(|held| held.borrow_mut().take()).unwrap_or_default();
        for fut in held {
            wasm_bindgen_futures::spawn_local(fut);
        }
    });
}

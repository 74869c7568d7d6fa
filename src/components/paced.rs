//! Paced hydration: a part of the page whose hydration may first give the main thread back to
//! the browser.
//!
//! Hydrating a whole prerendered page is one task: on a mid-range phone a long article's took
//! 400–600 ms (4× CPU slowdown), and a tap or a scroll waits for all of it (Total Blocking Time).
//! Leptos hydrates through `hydrate_async`, which awaits down the view tree; a `Paced` part
//! awaits one more thing before its own hydration starts: when the current slice of hydration
//! work has used its budget (`platform::idle::slice_spent`), a yield to the browser
//! (`platform::idle::yield_now`). Its view is also built only then (the closure given to
//! [`paced`]), so the component bodies inside run in the slice that hydrates them.
//!
//! Everywhere else it is the view it wraps: rendered to HTML by the prerender step, built on a
//! client-side navigation. The output is the same markup, so the page's HTML is unchanged.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::{AnyViewState, AnyViewWithAttrs};
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

type Build = Box<dyn FnOnce() -> AnyView + Send>;

/// A view built and hydrated in its turn (see the module).
pub struct Paced {
    build: Build,
    owner: Option<Owner>,
}

/// The view `build` returns, hydrated in its turn: after a yield to the browser when the
/// hydration work before it has used its slice. `build` runs under the owner current here, so
/// it sees the same context as a view built in place.
pub fn paced(build: impl FnOnce() -> AnyView + Send + 'static) -> Paced {
    Paced {
        build: Box::new(build),
        owner: Owner::current(),
    }
}

impl Paced {
    /// The view, built untracked, as a component's body is: what `build` reads does not make
    /// the reactive closure around it run again. (While hydrating, the build runs under that
    /// closure's observer, restored after the yield. leptos_i18n sets the interface language
    /// again once the page is hydrated, so a `t_string!` read in a paced build rebuilt the whole
    /// closure around it: the article's Most Read and Read Next, pictures and all.)
    fn view(self) -> AnyView {
        untrack(move || match self.owner {
            Some(owner) => owner.with(self.build),
            None => (self.build)(),
        })
    }
}

impl Render for Paced {
    type State = AnyViewState;

    fn build(self) -> Self::State {
        self.view().build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.view().rebuild(state)
    }
}

impl AddAnyAttr for Paced {
    type Output<SomeNewAttr: Attribute> = AnyViewWithAttrs;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self.view().add_any_attr(attr)
    }
}

impl RenderHtml for Paced {
    type AsyncOutput = AnyView;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        // Only for out-of-order streaming, which the prerender step does not use: the view is
        // resolved when it is rendered.
    }

    async fn resolve(self) -> Self::AsyncOutput {
        self.view().resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.view()
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        self.view().to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        )
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.view().hydrate::<FROM_SERVER>(cursor, position)
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        // The owner and observer of this point of the tree, restored whenever the future
        // resumes after the yield (as Leptos's own async hydration does).
        ScopedFuture::new(async move {
            if crate::platform::idle::slice_spent() {
                crate::platform::idle::yield_now().await;
            }
            self.view().hydrate_async(cursor, position).await
        })
        .await
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

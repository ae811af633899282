import { ComponentType, createElement, lazy, useState } from 'react';
import type { Loader } from './role-code';

/**
 * React.lazy for a module that may have been downloaded ahead of its first render (role-code.ts,
 * started by boot.ts), and renders at once when it was. A plain lazy() suspends on its first render
 * even when its module is already loaded, and React then holds the fallback for its reveal throttle
 * (~300 ms); here a component whose module has arrived is rendered directly. Each mount keeps the
 * kind it started with, so a page never remounts.
 */
export function preloadableLazy<P extends object>(load: Loader<{ default: ComponentType<P> }>) {
  const Lazy = lazy(load);
  function Preloadable(props: P) {
    const [Component] = useState<ComponentType<P>>(() => load.loaded?.default ?? Lazy);
    return createElement(Component, props);
  }
  return { Component: Preloadable };
}

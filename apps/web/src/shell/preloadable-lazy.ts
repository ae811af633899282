import { ComponentType, createElement, lazy, useState } from 'react';

/**
 * React.lazy that can be downloaded ahead of its first render, and renders at once when it was.
 * A plain lazy() suspends on its first render even when its module is already loaded, and React
 * then holds the fallback for its reveal throttle (~300 ms); here a component whose module has
 * arrived is rendered directly. Each mount keeps the kind it started with, so a page never remounts.
 */
export function preloadableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    });
    return loading as Promise<{ default: ComponentType<P> }>;
  };
  const Lazy = lazy(preload);
  function Preloadable(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return { Component: Preloadable, preload };
}

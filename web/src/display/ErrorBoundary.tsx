import { Component, type ReactNode } from 'react';

/**
 * A lobby never shows a stack trace: a render error turns into a neutral dark screen and the tree
 * is tried again after a pause (a bad tile, a transient state).
 */
export class KioskErrorBoundary extends Component<{ children: ReactNode; retryMs?: number }, { failed: number }> {
  override state = { failed: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): Partial<{ failed: number }> {
    return { failed: Date.now() };
  }

  override componentDidCatch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setState({ failed: 0 }), this.props.retryMs ?? 10_000);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (this.state.failed) return <main className="kiosk kiosk-neutral" aria-label="Pantau" />;
    return this.props.children;
  }
}

import {Component, type ReactNode} from 'react';

type Props = {readonly onError: (error: Error) => void; readonly children: ReactNode};

/**
 * Catches a render error so the app can quit cleanly with one line, instead of
 * Ink's full-screen stack trace.
 */
export class ErrorBoundary extends Component<Props, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError() {
		return {failed: true};
	}

	override componentDidCatch(error: Error) {
		this.props.onError(error);
	}

	override render() {
		return this.state.failed ? null : this.props.children;
	}
}

// Placeholder until the client lands: activates and does nothing.
export function activate(): void {}
export function deactivate(): void {}

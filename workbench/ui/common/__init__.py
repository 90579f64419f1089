"""What every view shares: the app context, background tasks, the message bridge, row
models, saved window state, printing and the signature pad with the sign-off dialog."""

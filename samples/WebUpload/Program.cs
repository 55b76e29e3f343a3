using WebUpload;

// Browser uploads through the application's own server: open the printed address, sign in with any name, pick a file
// (or let the page generate one) and watch it upload in parts, renew its credential, get transcoded and play.
await using var app = await WebUploadApp.StartAsync(args);
Console.WriteLine($"VodGen web upload sample at {app.Address} ({(app.Emulator is null ? "VOD" : "the embedded emulator at " + app.Emulator.Endpoint)}); Ctrl+C stops it.");
await app.WaitForShutdownAsync();

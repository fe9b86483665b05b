namespace Omnichannel.LocalHost.LocalStorage;

/// <summary>The local emulator could not be installed or started; the message says what to do.</summary>
public sealed class AzuriteUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

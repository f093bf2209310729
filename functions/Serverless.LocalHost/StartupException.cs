namespace Serverless.LocalHost;

/// <summary>A reason the local host cannot start, worded for the person who started it.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    public StartupException()
        : this("The local host could not start.")
    {
    }

    public StartupException(string message)
        : this(message, null)
    {
    }
}

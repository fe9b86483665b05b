namespace Omnichannel.Functions.Tests.Support;

/// <summary>The repository's root folder (the one holding the solution), found above the test's output folder.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichannel.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Omnichannel.Functions.sln above {AppContext.BaseDirectory}.");
    }
}

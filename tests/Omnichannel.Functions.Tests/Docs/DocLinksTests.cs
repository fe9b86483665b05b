using System.Text.RegularExpressions;
using Omnichannel.Functions.Tests.Support;

namespace Omnichannel.Functions.Tests.Docs;

/// <summary>Every relative link in README.md, CONTRIBUTING.md and docs/*.md points to a file or folder that exists.</summary>
public sealed partial class DocLinksTests
{
    [Fact]
    public void Markdown_RelativeLinks_PointToExistingFiles()
    {
        var root = Repository.Root();
        var pages = new[] { "README.md", "CONTRIBUTING.md" }
            .Select(p => Path.Combine(root, p))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .ToList();

        var broken = (from page in pages
                      from Match link in Link().Matches(File.ReadAllText(page))
                      let target = link.Groups["target"].Value
                      where !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
                      let file = target.Split('#')[0]
                      where file.Length > 0
                      let full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file))
                      where !File.Exists(full) && !Directory.Exists(full)
                      select $"{Path.GetRelativePath(root, page)} -> {target}").ToList();

        Assert.All(pages, p => Assert.True(File.Exists(p), p));
        Assert.True(broken.Count == 0, "Broken links: " + string.Join(", ", broken));
    }

    [Fact]
    public void Link_MarkdownLink_CapturesTarget()
    {
        Assert.Equal("docs/api.md#x", Link().Match("see [the API](docs/api.md#x).").Groups["target"].Value);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}

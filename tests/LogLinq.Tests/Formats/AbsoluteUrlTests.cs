using System.Text;
using LogLinq.Formats;

namespace LogLinq.Tests.Formats;

public sealed class AbsoluteUrlTests
{
    [Theory]
    [InlineData("https://shop.example:443/cart?x=1", "shop.example:443", "/cart?x=1")]
    [InlineData("http://www.example.com:80/", "www.example.com:80", "/")]
    [InlineData("http://bad", "bad", "/")]
    [InlineData("https://shop.example?x=1", "shop.example", "/?x=1")]
    [InlineData("wss://chat.example/socket", "chat.example", "/socket")]
    public void Splits_an_absolute_url_into_its_host_and_path(string url, string host, string path)
    {
        AbsoluteUrl.TrySplit(Encoding.UTF8.GetBytes(url), out ReadOnlySpan<byte> foundHost, out _).Should().BeTrue();
        var text = new FieldText(new byte[4]);
        (FieldRange foundPath, FieldRange copiedHost) = AbsoluteUrl.Copy(ref text, Encoding.UTF8.GetBytes(url));

        Encoding.UTF8.GetString(foundHost).Should().Be(host);
        Encoding.UTF8.GetString(text.Of(copiedHost)).Should().Be(host);
        Encoding.UTF8.GetString(text.Of(foundPath)).Should().Be(path);
    }

    [Theory]
    [InlineData("/cart?next=https://shop.example/")]
    [InlineData("www.example.com:443")]
    [InlineData("-")]
    public void Leaves_anything_else_whole(string target)
    {
        AbsoluteUrl.TrySplit(Encoding.UTF8.GetBytes(target), out _, out _).Should().BeFalse();
        var text = new FieldText(new byte[4]);
        (FieldRange path, FieldRange host) = AbsoluteUrl.Copy(ref text, Encoding.UTF8.GetBytes(target));

        Encoding.UTF8.GetString(text.Of(path)).Should().Be(target);
        host.IsNone.Should().BeTrue();
    }
}

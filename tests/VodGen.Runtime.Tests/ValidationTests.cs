using System.Text.RegularExpressions;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void A_pattern_check_that_times_out_is_an_ArgumentException_naming_the_parameter()
    {
        // Catastrophic backtracking: nested quantifiers against a long run that fails at its end.
        var pattern = new Regex("^(a+)+$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1));
        var value = new string('a', 5000) + "!";

        var exception = Assert.Throws<ArgumentException>(() => VodRequestValidation.Pattern(value, pattern, "Title"));

        Assert.Equal("Title", exception.ParamName);
        Assert.IsType<RegexMatchTimeoutException>(exception.InnerException);
        Assert.Contains("was not sent", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("ab!", false)]
    public void A_pattern_check_within_its_time_passes_or_fails_as_the_pattern_says(string value, bool matches)
    {
        var pattern = new Regex("^[a-z]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        var exception = Record.Exception(() => VodRequestValidation.Pattern(value, pattern, "Code"));

        Assert.Equal(matches, exception is null);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// Reads error codes from the markdown table that official metadata keeps in <c>extraInfo</c>
/// (columns: error code | error message | HTTP status code | description, in any order).
/// </summary>
internal static class ErrorTableReader
{
    /// <summary>The rows read, and for each row that could not be read, its number and the reason.</summary>
    public static (List<ErrorModel> Errors, List<(int Row, string Reason)> Problems) Read(string markdown)
    {
        var errors = new List<ErrorModel>();
        var problems = new List<(int, string)>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var header = SplitRow(lines[i]);
            var columns = FindColumns(header);
            if (columns is not { } found)
            {
                continue;
            }

            var row = 0;
            for (i += 1; i < lines.Length && lines[i].TrimStart().StartsWith("|", StringComparison.Ordinal); i++)
            {
                var cells = SplitRow(lines[i]);
                if (IsSeparator(cells))
                {
                    continue;
                }

                row++;
                var code = Cell(cells, found.Code).Trim('`', ' ');
                var statusText = Cell(cells, found.Status);
                if (code.Length == 0)
                {
                    problems.Add((row, "the error code is empty"));
                }
                else if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 100 || status > 599)
                {
                    problems.Add((row, $"'{statusText}' is not an HTTP status code"));
                }
                else
                {
                    errors.Add(new ErrorModel(code, status, Cell(cells, found.Message), Cell(cells, found.Description)));
                }
            }
        }

        return (errors, problems);
    }

    private static (int Code, int Message, int Status, int Description)? FindColumns(List<string> header)
    {
        int code = -1, message = -1, status = -1, description = -1;
        for (var i = 0; i < header.Count; i++)
        {
            var cell = header[i].ToLowerInvariant();
            if (cell.Contains("http") || cell.Contains("status"))
            {
                status = status < 0 ? i : status;
            }
            else if (cell.Contains("code"))
            {
                code = code < 0 ? i : code;
            }
            else if (cell.Contains("message"))
            {
                message = message < 0 ? i : message;
            }
            else if (cell.Contains("description"))
            {
                description = description < 0 ? i : description;
            }
        }

        return code >= 0 && status >= 0 ? (code, message, status, description) : null;
    }

    private static string Cell(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;

    private static bool IsSeparator(List<string> cells)
    {
        foreach (var cell in cells)
        {
            if (cell.Trim('-', ':', ' ').Length != 0)
            {
                return false;
            }
        }

        return true;
    }

    // Splits "| a | b \| c |" into ["a", "b | c"]: escaped pipes stay inside their cell.
    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("|", StringComparison.Ordinal))
        {
            return cells;
        }

        var current = new System.Text.StringBuilder();
        for (var i = 1; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.ToString().Trim().Length > 0)
        {
            cells.Add(current.ToString().Trim());
        }

        return cells;
    }
}

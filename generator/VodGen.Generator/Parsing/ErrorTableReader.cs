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

    // Splits "| a | b \| c |" into ["a", "b | c"]: escaped pipes stay inside their cell. Cells are cut from the line
    // directly; only a cell holding an escaped pipe is assembled in a builder.
    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var (start, end) = TrimmedRange(line, 0, line.Length);
        if (start >= end || line[start] != '|')
        {
            return cells;
        }

        System.Text.StringBuilder? escaped = null;
        var cellStart = start + 1;
        for (var i = start + 1; i < end; i++)
        {
            if (line[i] == '\\' && i + 1 < end && line[i + 1] == '|')
            {
                (escaped ??= new System.Text.StringBuilder()).Append(line, cellStart, i - cellStart).Append('|');
                i++;
                cellStart = i + 1;
            }
            else if (line[i] == '|')
            {
                cells.Add(CellText(line, cellStart, i, escaped));
                cellStart = i + 1;
            }
        }

        var last = CellText(line, cellStart, end, escaped);
        if (last.Length > 0)
        {
            cells.Add(last);
        }

        return cells;
    }

    // The trimmed text of line[from..to), after what the builder holds of the same cell (its escaped part), if any.
    private static string CellText(string line, int from, int to, System.Text.StringBuilder? escaped)
    {
        if (escaped is { Length: > 0 })
        {
            var text = escaped.Append(line, from, to - from).ToString().Trim();
            escaped.Clear();
            return text;
        }

        var (start, end) = TrimmedRange(line, from, to);
        return line.Substring(start, end - start);
    }

    private static (int Start, int End) TrimmedRange(string line, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(line[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}

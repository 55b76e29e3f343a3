namespace VodGen.Emulator.Responses;

/// <summary>The body format of an answer.</summary>
internal enum ResponseFormat
{
    Xml,
    Json,
}

using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>
/// A member as its class's validation checks it: whether its presence is checked, the fields that hold its pattern
/// and allowed values, and the method that checks the class of its value (or of its list's elements); each name empty
/// when it has none.
/// </summary>
internal sealed record BoundCheckedMember(BoundMember Member, bool CheckPresence, string PatternField, string AllowedField, string Validator);

/// <summary>A private method of the operation class that checks the members of a nested or shared request class.</summary>
/// <param name="Type">The class, qualified.</param>
internal sealed record BoundValidator(string Method, string Type, EquatableArray<BoundCheckedMember> Members);

/// <summary>
/// An operation's request validation: its members' checks, one method per nested or shared class with something to
/// check (a shared class that contains itself calls its own), and the static fields of patterns and allowed numbers.
/// </summary>
internal sealed record BoundValidation(
    EquatableArray<BoundCheckedMember> Request,
    EquatableArray<BoundValidator> Validators,
    EquatableArray<BoundCheckedMember> AllowedFields,
    EquatableArray<BoundCheckedMember> PatternFields);

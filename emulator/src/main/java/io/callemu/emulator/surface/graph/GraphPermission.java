package io.callemu.emulator.surface.graph;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a Graph operation demands of the caller's token: any one of {@code anyOf}, or only a valid
 * token when {@code anyOf} is empty. The constants follow the permission tables of reference
 * graph-and-speech.md A2.
 *
 * @param name how refusals name the operation's requirement
 */
public record GraphPermission(String name, Set<GraphRole> anyOf) {

  /** Creating (or joining) a call: any of the create permissions (A2, G-POST). */
  public static final GraphPermission CREATE_CALL = new GraphPermission("create a call",
      EnumSet.of(GraphRole.CALLS_INITIATE_ALL, GraphRole.CALLS_INITIATE_GROUP_CALL_ALL,
          GraphRole.CALLS_JOIN_GROUP_CALL_ALL, GraphRole.CALLS_JOIN_GROUP_CALL_AS_GUEST_ALL));
  /**
   * Answering: A2 could not expand the answer page's table; the roles that let a bot see the
   * caller (G-ANS) are taken, UNVERIFIED.
   */
  public static final GraphPermission ANSWER_CALL = new GraphPermission("answer a call",
      EnumSet.of(GraphRole.CALLS_INITIATE_ALL, GraphRole.CALLS_INITIATE_GROUP_CALL_ALL,
          GraphRole.CALLS_JOIN_GROUP_CALL_ALL, GraphRole.CALLS_JOIN_GROUP_CALL_AS_GUEST_ALL,
          GraphRole.CALLS_ACCESS_MEDIA_ALL));
  /** recordResponse and subscribeToTone: {@code Calls.AccessMedia.All} (G-REC1, G-STT). */
  public static final GraphPermission ACCESS_MEDIA = new GraphPermission("access the call's media",
      EnumSet.of(GraphRole.CALLS_ACCESS_MEDIA_ALL));
  /**
   * playPrompt, cancelMediaProcessing, get and delete: "permissions are checked when the call is
   * created" (G-PP1, G-DEL), so any calls permission will do; a token without any cannot belong to
   * the application that created the call.
   */
  public static final GraphPermission CHECKED_AT_CREATION = new GraphPermission("any calls permission",
      EnumSet.allOf(GraphRole.class));
  /** Nothing but a valid token. */
  public static final GraphPermission VALID_TOKEN = new GraphPermission("a valid token",
      EnumSet.noneOf(GraphRole.class));

  public GraphPermission {
    anyOf = Set.copyOf(anyOf);
  }

  /** True when the token's {@code roles} satisfy this permission. */
  public boolean grantedBy(Iterable<String> roles) {
    if (anyOf.isEmpty()) {
      return true;
    }
    for (String role : roles) {
      for (GraphRole r : anyOf) {
        if (r.wire().equals(role)) {
          return true;
        }
      }
    }
    return false;
  }
}
